namespace GdNotebooks.Cli;

/// <summary>The gdnb command: dispatches the verb.</summary>
public static class Gdnb
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "kernel")
            return GdNotebooks.Kernel.KernelCommand.Run(args[1..], typeof(Gdnb).Assembly.Location, Environment.ProcessPath, Console.Out, Console.Error);
        Console.Error.WriteLine("gdnb: no verbs yet");
        return 2;
    }
}
