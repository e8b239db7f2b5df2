namespace GdNotebooks.Tests.Cli;

/// <summary>
/// <c>gdnb run</c>, <c>convert</c> and <c>kernel</c> with malformed arguments: one table per verb of (why, fragments
/// stderr must hold, arguments), <c>{dir}</c> being the scratch folder <see cref="BadInput"/> prepares.
/// </summary>
public class NotebookVerbBadInputTests
{
    public static TheoryData<string, string[], string[]> Run => new()
    {
        { "no notebooks", ["name at least one notebook", "gdnb run notebooks/"], [] },
        { "unknown option", ["unknown option '--timeout'", "Did you mean --cell-timeout", "--out, --html, --param"], ["{dir}/good.dib", "--timeout", "3"] },
        { "--out missing its value", ["--out needs a value"], ["{dir}/good.dib", "--out"] },
        { "--param missing its value", ["--param needs a value", "NAME=VALUE"], ["{dir}/good.dib", "--param"] },
        { "--param without '='", ["--param lr: expected name=value", "--param lr=0.1"], ["{dir}/good.dib", "--param", "lr"] },
        { "--param with no name", ["--param =3: '' is not a C# variable name"], ["{dir}/good.dib", "--param", "=3"] },
        { "--param naming a keyword", ["'class' is not a C# variable name", "not a keyword"], ["{dir}/good.dib", "--param", "class=3"] },
        { "zero timeout", ["--cell-timeout 0: out of range", "> 0"], ["{dir}/good.dib", "--cell-timeout", "0"] },
        { "negative timeout", ["--cell-timeout -5: out of range"], ["{dir}/good.dib", "--cell-timeout", "-5"] },
        { "NaN timeout", ["--cell-timeout: 'NaN' is not a finite number"], ["{dir}/good.dib", "--cell-timeout", "NaN"] },
        { "huge timeout", ["--cell-timeout 1E+300: out of range", "at most 31536000 (a year)"], ["{dir}/good.dib", "--cell-timeout", "1e300"] },
        { "negative grace", ["--cancel-grace -1: out of range", "≥ 0"], ["{dir}/good.dib", "--cancel-grace", "-1"] },
        { "flag with a value", ["--html takes no value"], ["{dir}/good.dib", "--html=yes"] },
        { "missing notebook", ["no such notebook or folder: {dir}/nope.ipynb"], ["{dir}/nope.ipynb"] },
        { "not a notebook", ["{dir}/notes.txt has the extension '.txt'", "valid notebook extensions: .ipynb, .dib"], ["{dir}/notes.txt"] },
        { "broken JSON", ["not a notebook: {dir}/bad.ipynb: invalid JSON at line 1"], ["{dir}/good.dib", "{dir}/bad.ipynb"] },
        { "folder without notebooks", ["{dir}/empty holds no notebooks", "*.ipynb or *.dib"], ["{dir}/empty"] },
        { "--inplace on .dib", ["--inplace: {dir}/good.dib is a .dib file"], ["{dir}/good.dib", "--inplace"] },
        { "two inputs, one output", ["would both be written to"], ["{dir}/good.dib", "{dir}/good.ipynb"] },
    };

    public static TheoryData<string, string[], string[]> Convert => new()
    {
        { "no arguments", ["expected IN and OUT", "gdnb convert a.dib a.ipynb"], [] },
        { "one argument", ["expected IN and OUT"], ["{dir}/good.dib"] },
        { "three arguments", ["expected IN and OUT"], ["{dir}/good.dib", "{dir}/a.ipynb", "{dir}/b.ipynb"] },
        { "an option", ["unknown option '--force'", "convert takes no options"], ["{dir}/good.dib", "--force"] },
        { "unknown output extension", ["{dir}/out.txt has the extension '.txt'", "valid notebook extensions: .ipynb, .dib"], ["{dir}/good.dib", "{dir}/out.txt"] },
        { "unknown input extension", ["{dir}/notes.txt has the extension '.txt'", ".ipynb, .dib"], ["{dir}/notes.txt", "{dir}/out.ipynb"] },
        { "missing input", ["no such file: {dir}/nope.dib"], ["{dir}/nope.dib", "{dir}/out.ipynb"] },
        { "broken JSON", ["not a notebook: {dir}/bad.ipynb: invalid JSON at line 1"], ["{dir}/bad.ipynb", "{dir}/out.dib"] },
        { "blank output", ["OUT is empty", "gdnb convert a.dib a.ipynb"], ["{dir}/good.dib", ""] },
        { "blank input", ["IN is empty"], ["", "{dir}/out.ipynb"] },
        { "output that cannot be written", ["cannot write {dir}/blocker/out.ipynb"], ["{dir}/good.dib", "{dir}/blocker/out.ipynb"] },
    };

    public static TheoryData<string, string[], string[], bool> Kernel => new()
    {
        { "no verb", ["missing kernel verb", "start, install, uninstall", "usage: gdnb kernel start"], [], true },
        { "unknown verb", ["unknown kernel verb 'strat'", "start, install, uninstall"], ["strat"], false },
        { "start without a file", ["kernel start needs -f CONNECTION_FILE"], ["start"], false },
        { "-f missing its value", ["-f needs a value"], ["start", "-f"], false },
        { "missing connection file", ["cannot read connection file '{dir}/nope.json'"], ["start", "-f", "{dir}/nope.json"], false },
        { "connection file not JSON", ["{dir}/bad.json is not valid JSON"], ["start", "-f", "{dir}/bad.json"], false },
        { "unknown transport", ["unknown transport 'udp'", "tcp, ipc"], ["start", "-f", "{dir}/udp.json"], false },
        { "unknown signature scheme", ["unknown signature_scheme 'hmac-md5'", "hmac-sha256, hmac-sha512"], ["start", "-f", "{dir}/md5.json"], false },
        { "unsigned without consent", ["empty key", "--allow-unsigned"], ["start", "-f", "{dir}/unsigned.json"], false },
        { "unknown option", ["unknown option '--bogus'", "--prefix, --name, --user"], ["install", "--prefix", "{dir}/k", "--bogus"], false },
        { "--prefix missing its value", ["--prefix needs a value"], ["install", "--prefix"], false },
        { "blank --prefix", ["--prefix needs a value"], ["install", "--prefix="], false },
        { "bad kernel name", ["bad kernel name 'bad name'", "letters, digits, '-', '_' or '.'"], ["install", "--prefix", "{dir}/k", "--name", "bad name"], false },
        { "--user and --prefix", ["give either --user or --prefix DIR, not both"], ["install", "--user", "--prefix", "{dir}/k"], false },
        { "prefix that cannot be written", ["cannot install the kernelspec in {dir}/blocker/share/jupyter/kernels/gdnotebooks"], ["install", "--prefix", "{dir}/blocker"], false },
        { "uninstall with a blank name", ["--name needs a value"], ["uninstall", "--prefix", "{dir}/k", "--name="], false },
    };

    [Theory, MemberData(nameof(Run))]
    public void Run_refuses(string why, string[] expected, string[] args)
    {
        BadInput.AssertRefused("run", why, expected, args);
    }

    [Theory, MemberData(nameof(Convert))]
    public void Convert_refuses(string why, string[] expected, string[] args)
    {
        BadInput.AssertRefused("convert", why, expected, args);
    }

    [Theory, MemberData(nameof(Kernel))]
    public void Kernel_refuses(string why, string[] expected, string[] args, bool multiLine)
    {
        BadInput.AssertRefused("kernel", why, expected, args, multiLine);
    }
}
