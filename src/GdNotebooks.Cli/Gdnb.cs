namespace GdNotebooks.Cli;

/// <summary>The gdnb command: dispatches the verb.</summary>
public static class Gdnb
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("gdnb: no verbs yet");
        return 2;
    }
}
