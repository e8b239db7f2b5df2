using GdNotebooks.Cli;

namespace GdNotebooks.Kernel.Tests.Execution;

/// <summary>The <c>gdnb</c> command line run in this process, for comparing a magic's output with the CLI's.</summary>
internal static class InProcessGdnb
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        int code = Gdnb.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
