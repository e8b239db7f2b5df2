using GdNotebooks.Interactive.Commands;
using GdNotebooks.Tests.Notebooks;

namespace GdNotebooks.Tests.Cli;

/// <summary>
/// The options every experiment verb shares with descend (problem, optimizer, schedule, numbers, format, chart), each
/// malformed, against every verb: the same clear refusal wherever they are given.
/// </summary>
public class SharedOptionBadInputTests
{
    /// <summary>A small valid command per verb; a case replaces the options it names and adds the rest.</summary>
    private static readonly Dictionary<string, string[]> Valid = new()
    {
        ["descend"] = ["--problem", "(w-3)^2", "--steps", "3"],
        ["lr-sweep"] = ["--problem", "(w-3)^2", "--lrs", "0.1,0.5", "--steps", "3"],
        ["lr-find"] = ["--problem", "(w-3)^2", "--steps", "5"],
        ["batch-noise"] = ["--problem", "linreg:data=diabetes", "--batches", "8,full", "--samples", "4", "--steps", "3"],
        ["schedule"] = ["--problem", "(w-3)^2", "--schedule", "constant", "--schedule", "cosine", "--steps", "3"],
        ["sharpness"] = ["--problem", "logreg:data=breast_cancer", "--batches", "8,full", "--steps", "3", "--iterations", "3", "--probes", "2"],
        ["landscape"] = ["--problem", "(w-3)^2", "--steps", "3", "--resolution", "5"],
        ["compare"] = ["--problem", "(w-3)^2", "--optimizer", "sgd", "--optimizer", "adam", "--steps", "3"],
    };

    /// <summary>Why, the fragments stderr must hold, the verbs it does not apply to (they refuse the option outright, tested per verb), and the arguments.</summary>
    private static readonly (string Why, string[] Expected, string[] NotFor, string[] Args)[] Cases =
    [
        ("unknown option", ["unknown option '--stepz'", "Did you mean --steps", "Valid options: --problem"], [], ["--stepz", "3"]),
        ("missing value at the end", ["--seed needs a value"], [], ["--seed"]),
        ("missing value before the next option", ["--seed needs a value"], [], ["--seed", "--format", "csv"]),
        ("option given twice", ["--seed is given twice"], [], ["--seed", "1", "--seed", "2"]),
        ("stray word", ["unexpected argument 'extra'", "--help"], [], ["extra"]),
        ("flag with a value", ["--centralize takes no value"], [], ["--centralize=yes"]),
        ("NaN number", ["--lr: 'NaN' is not a finite number"], [], ["--lr", "NaN"]),
        ("infinite number", ["--clip-value: 'Infinity' is not a finite number"], [], ["--clip-value", "Infinity"]),
        ("overflowing number", ["--clip-norm: '1e400' is not a finite number"], [], ["--clip-norm", "1e400"]),
        ("word for a number", ["--clip-norm: 'big' is not a number"], [], ["--clip-norm", "big"]),
        ("zero clip norm", ["--clip-norm 0 must be > 0"], [], ["--clip-norm", "0"]),
        ("negative clip value", ["--clip-value -1 must be > 0"], [], ["--clip-value", "-1"]),
        ("negative steps", ["--steps -5 is out of range", "0 to"], [], ["--steps", "-5"]),
        ("steps beyond an int", ["--steps: '99999999999' is out of range"], [], ["--steps", "99999999999"]),
        ("fractional seed", ["--seed: '1.5' is not a whole number"], [], ["--seed", "1.5"]),
        ("negative warmup", ["--warmup -1 must be ≥ 0"], ["lr-find"], ["--warmup", "-1"]),
        ("problem missing its value", ["--problem needs a value", "rosenbrock"], [], ["--problem"]),
        ("blank problem", ["empty problem", "rosenbrock", "formula"], [], ["--problem", " "]),
        ("misspelt problem", ["unknown problem 'rosenbrok'", "rosenbrock, beale"], [], ["--problem", "rosenbrok"]),
        ("formula with an open parenthesis", ["--problem", "'(' at position 1 is never closed"], [], ["--problem", "(w-3"]),
        ("formula ending in an operator", ["formula ends after '^' at position 2"], [], ["--problem", "w^"]),
        ("formula with two names in a row", ["unexpected 'v' at position 3", "expected an operator"], [], ["--problem", "w v"]),
        ("formula with an unknown function", ["unknown function 'sinn'", "sin, cos, tan, exp, log"], [], ["--problem", "sinn(w)"]),
        ("function without parentheses", ["function 'log'", "parentheses"], [], ["--problem", "log + w"]),
        ("formula with a stray character", ["unexpected character '$' at position 3"], [], ["--problem", "w $ 2"]),
        ("formula without variables", ["formula has no variables", "'2+2'"], [], ["--problem", "2+2"]),
        ("unknown data set", ["unknown data set 'mnist'", "breast_cancer, diabetes, digits"], [], ["--problem", "mlp:data=mnist"]),
        ("data set of the wrong kind", ["'diabetes' is a regression data set", "breast_cancer"], [], ["--problem", "logreg:data=diabetes"]),
        ("unknown problem key", ["unknown key 'hiden'", "hidden"], [], ["--problem", "mlp:data=iris,hiden=[4]"]),
        ("layer of width zero", ["hidden=[0]", "≥ 1"], [], ["--problem", "mlp:data=iris,hidden=[0]"]),
        ("network too large to allocate", ["hidden=[100000,100000]", "parameters; valid: at most"], [], ["--problem", "mlp:hidden=[100000,100000]"]),
        ("layer wider than an int", ["hidden=[100000000000]", "whole numbers"], [], ["--problem", "mlp:hidden=[100000000000]"]),
        ("spec that is not a spec", ["bad spec 'quadratic:a'", "expected '='"], [], ["--problem", "quadratic:a"]),
        ("NaN in a spec", ["'nan' is not a usable number"], [], ["--problem", "quadratic:a=[1,nan]"]),
        ("unknown optimizer", ["unknown optimizer 'adamm'", "sgd, adagrad, rmsprop, adam, adamw, newton"], [], ["--optimizer", "adamm"]),
        ("unknown optimizer key", ["unknown key 'beta3' for optimizer adam", "beta1"], [], ["--optimizer", "adam:beta3=0.9"]),
        ("optimizer key out of range", ["beta1=1.5 for optimizer adam is out of range", "< 1"], [], ["--optimizer", "adam:beta1=1.5"]),
        ("unknown schedule", ["unknown schedule 'cosin'", "constant, step, multistep, exponential, cosine"], ["lr-find"], ["--schedule", "cosin"]),
        ("schedule key out of range", ["t_max=0 for schedule cosine is out of range", "≥ 1"], ["lr-find"], ["--schedule", "cosine:t_max=0"]),
        ("unknown format", ["unknown format 'xml'", "table, csv, json"], [], ["--format", "xml"]),
        ("init of the wrong length", ["--init has 3 values but"], [], ["--init", "1,2,3"]),
        ("init with a hole", ["--init: '1,,2' has an empty item"], [], ["--init", "1,,2"]),
        ("NaN init", ["--init: 'nan' is not a finite number"], [], ["--init", "nan"]),
        ("chart that is not HTML", ["--chart {dir}/chart.png", "ending in .html"], [], ["--chart", "{dir}/chart.png"]),
        ("chart that cannot be written", ["--chart {dir}/blocker/chart.html: cannot write the chart"], [], ["--chart", "{dir}/blocker/chart.html"]),
    ];

    public static TheoryData<string, string, string[], string[]> EveryVerb()
    {
        var data = new TheoryData<string, string, string[], string[]>();
        foreach (var verb in ExperimentCommands.All.Select(v => v.Name))
            foreach (var (why, expected, notFor, args) in Cases.Where(c => !c.NotFor.Contains(verb)))
                data.Add(verb, why, expected, Merge(Valid[verb], args));
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryVerb))]
    public void A_malformed_shared_option_is_refused_by_every_verb(string verb, string why, string[] expected, string[] args)
    {
        BadInput.AssertRefused(verb, why, expected, args);
    }

    [Fact]
    public void Every_verb_has_a_valid_command_here()
    {
        Assert.Equal(ExperimentCommands.All.Select(v => v.Name).Order(), Valid.Keys.Order());
    }

    /// <summary>The harness's "no file written" check means something: the valid commands do write their chart there.</summary>
    [Theory]
    [MemberData(nameof(Verbs))]
    public void The_valid_command_runs_and_writes_its_chart_into_the_scratch_folder(string verb)
    {
        using var dir = new ScratchDirectory();
        var (exit, stdout, stderr) = GdnbRunner.Run([verb, .. BadInput.WithDefaults(verb, [.. Valid[verb]], dir.Path)]);
        Assert.True(exit == 0, stderr);
        Assert.NotEqual("", stdout);
        Assert.True(File.Exists(dir.File("chart.html")));
    }

    public static TheoryData<string> Verbs() => new(ExperimentCommands.All.Select(v => v.Name));

    /// <summary>The valid command without the options the case gives, then the case's arguments.</summary>
    private static string[] Merge(string[] valid, string[] args)
    {
        var named = args.Where(a => a.StartsWith("--", StringComparison.Ordinal)).Select(a => a.Split('=')[0]).ToHashSet();
        var kept = new List<string>();
        for (int i = 0; i < valid.Length; i += 2)
            if (!named.Contains(valid[i])) kept.AddRange(valid[i..(i + 2)]);
        return [.. kept, .. args];
    }
}
