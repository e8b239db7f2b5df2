using GdNotebooks.Cli;

namespace GdNotebooks.Tests.Cli;

/// <summary>Runs gdnb in-process and captures what it prints.</summary>
internal static class GdnbRunner
{
    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = Gdnb.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
