namespace GdNotebooks.Tests.Cli;

/// <summary>
/// Each experiment verb's own options, malformed: one table per verb of (why, fragments stderr must hold, arguments).
/// The options every verb shares are in <see cref="SharedOptionBadInputTests"/>; descend's first table is in
/// <see cref="DescendCommandTests"/>.
/// </summary>
public class ExperimentBadInputTests
{
    private const string Formula = "(w-3)^2";
    private const string Data = "linreg:data=diabetes";
    private const string Classes = "logreg:data=breast_cancer";

    public static TheoryData<string, string[], string[]> Descend => new()
    {
        { "epochs on an analytic problem", ["--epochs applies to data problems", "linreg, logreg, softmax, mlp"], ["--problem", Formula, "--epochs", "2"] },
        { "zero epochs", ["--epochs 0 must be ≥ 1"], ["--problem", Data, "--epochs", "0"] },
        { "epochs too many to hold", ["--epochs 99999999 makes more than 10,000,000 updates"], ["--problem", Data, "--epochs", "99999999", "--batch", "8"] },
        { "batch beyond an int", ["--batch: '99999999999' is out of range"], ["--problem", Data, "--batch", "99999999999"] },
        { "negative batch", ["--batch -3 must be ≥ 1, or 'full'"], ["--problem", Data, "--batch", "-3"] },
        { "word for a batch", ["--batch: 'half' is not a whole number"], ["--problem", Data, "--batch", "half"] },
        { "newton on a large network, before any work estimate", ["optimizer newton needs the dense n×n Hessian", "n ≤ 2048"], ["--problem", "mlp:data=digits", "--optimizer", "newton"] },
        { "blank optimizer", ["--optimizer needs a value", "sgd, adagrad"], ["--problem", Formula, "--optimizer", ""] },
    };

    public static TheoryData<string, string[], string[]> LrSweep => new()
    {
        { "no grid", ["lr-sweep needs --lrs", "1e-4..10:25", "0.01,0.1,1.5"], ["--problem", Formula] },
        { "grid missing its value", ["--lrs needs a value"], ["--problem", Formula, "--lrs"] },
        { "blank grid", ["--lrs: the grid is empty", "a..b:n"], ["--problem", Formula, "--lrs", " "] },
        { "list with a hole", ["--lrs: '0.1,,1' has an empty item"], ["--problem", Formula, "--lrs", "0.1,,1"] },
        { "word in the list", ["--lrs: 'fast' in '0.1,fast' is not a number", "a..b:n"], ["--problem", Formula, "--lrs", "0.1,fast"] },
        { "NaN rate", ["the rate NaN in '0.1,NaN' must be finite and > 0"], ["--problem", Formula, "--lrs", "0.1,NaN"] },
        { "infinite rate", ["the rate Infinity", "finite and > 0"], ["--problem", Formula, "--lrs", "0.1,Infinity"] },
        { "overflowing end", ["the rate 1e400 in '1e-3..1e400:5'", "finite"], ["--problem", Formula, "--lrs", "1e-3..1e400:5"] },
        { "zero rate", ["the rate 0 in '0,0.1'", "> 0"], ["--problem", Formula, "--lrs", "0,0.1"] },
        { "negative rate", ["the rate -2 in '0.1,-2'"], ["--problem", Formula, "--lrs", "0.1,-2"] },
        { "range without a count", ["'1e-3..1' has no ':n' count"], ["--problem", Formula, "--lrs", "1e-3..1"] },
        { "range without a start", ["'..1:3' needs both ends"], ["--problem", Formula, "--lrs", "..1:3"] },
        { "downward range", ["'10..1:5' must run upward"], ["--problem", Formula, "--lrs", "10..1:5"] },
        { "zero count (an empty grid)", ["the count 0 in '1e-4..10:0' must be ≥ 1"], ["--problem", Formula, "--lrs", "1e-4..10:0"] },
        { "negative count", ["the count -2", "must be ≥ 1"], ["--problem", Formula, "--lrs", "1e-4..10:-2"] },
        { "fractional count", ["the count '2.5'", "not a whole number"], ["--problem", Formula, "--lrs", "1e-4..10:2.5"] },
        { "huge grid", ["the count 20000", "more than 10,000 rates"], ["--problem", Formula, "--lrs", "1e-4..10:20000"] },
        { "grid beyond an int", ["the count 99999999999", "more than 10,000 rates"], ["--problem", Formula, "--lrs", "1e-4..10:99999999999"] },
        { "--lr beside --lrs", ["--lr does not apply to lr-sweep", "--lrs"], ["--problem", Formula, "--lrs", "0.1", "--lr", "0.5"] },
        { "NaN tolerance", ["--tol: 'NaN' is not a finite number"], ["--problem", Formula, "--lrs", "0.1", "--tol", "NaN"] },
        { "tolerance missing its value", ["--tol needs a value"], ["--problem", Formula, "--lrs", "0.1", "--tol"] },
    };

    public static TheoryData<string, string[], string[]> LrFind => new()
    {
        { "zero min-lr", ["--min-lr 0 is out of range", "> 0"], ["--problem", Formula, "--min-lr", "0"] },
        { "negative min-lr", ["--min-lr -1 is out of range"], ["--problem", Formula, "--min-lr", "-1"] },
        { "max-lr below min-lr", ["--max-lr 0.1 is out of range", "> --min-lr 1"], ["--problem", Formula, "--min-lr", "1", "--max-lr", "0.1"] },
        { "equal ends", ["--max-lr 1 is out of range"], ["--problem", Formula, "--min-lr", "1", "--max-lr", "1"] },
        { "NaN max-lr", ["--max-lr: 'NaN' is not a finite number"], ["--problem", Formula, "--max-lr", "NaN"] },
        { "smoothing of one", ["--smoothing 1 is out of range", "0 ≤ β < 1"], ["--problem", Formula, "--smoothing", "1"] },
        { "negative smoothing", ["--smoothing -0.1 is out of range"], ["--problem", Formula, "--smoothing", "-0.1"] },
        { "too few steps", ["--steps 1 is out of range", "at least 3"], ["--problem", Formula, "--steps", "1"] },
        { "--lr given", ["--lr does not apply to lr-find", "--min-lr to --max-lr"], ["--problem", Formula, "--lr", "0.1"] },
        { "--schedule given", ["--schedule does not apply to lr-find"], ["--problem", Formula, "--schedule", "cosine"] },
        { "--warmup given", ["--warmup does not apply to lr-find"], ["--problem", Formula, "--warmup", "5"] },
        { "--epochs given", ["--epochs does not apply to lr-find"], ["--problem", Data, "--epochs", "2"] },
        { "batch on an analytic problem", ["--batch applies to data problems", "not to (w-3)^2"], ["--problem", Formula, "--batch", "8"] },
        { "misspelt option", ["unknown option '--min-rate'", "--min-lr"], ["--problem", Formula, "--min-rate", "1e-5"] },
    };

    public static TheoryData<string, string[], string[]> BatchNoise => new()
    {
        { "analytic problem", ["batch noise needs a data problem", "linreg, logreg, softmax, mlp", "(w-3)^2"], ["--problem", Formula] },
        { "sizes missing their value", ["--batches needs a value"], ["--problem", Data, "--batches"] },
        { "empty list", ["--batches: ',' has an empty item", "1,8,32,full"], ["--problem", Data, "--batches", ","] },
        { "zero size", ["--batches: batch size 0 must be ≥ 1, or 'full'"], ["--problem", Data, "--batches", "0,8"] },
        { "negative size", ["batch size -1 must be ≥ 1"], ["--problem", Data, "--batches", "-1"] },
        { "word for a size", ["--batches: 'half' is not a batch size", "'full'"], ["--problem", Data, "--batches", "8,half"] },
        { "size beyond an int", ["batch size 99999999999 is out of range"], ["--problem", Data, "--batches", "99999999999"] },
        { "unknown scaling", ["--scale-lr cubic is not a scaling", "none, linear, sqrt"], ["--problem", Data, "--scale-lr", "cubic"] },
        { "one sample", ["--samples 1 is out of range", "2 to 1,000,000"], ["--problem", Data, "--samples", "1"] },
        { "samples too many to hold", ["--samples 2000000000 is out of range", "2 to 1,000,000"], ["--problem", Data, "--samples", "2000000000", "--no-train"] },
        { "fractional samples", ["--samples: '2.5' is not a whole number"], ["--problem", Data, "--samples", "2.5"] },
        { "negative measure-after", ["--measure-after -1 must be ≥ 0"], ["--problem", Data, "--measure-after", "-1"] },
        { "flag with a value", ["--no-train takes no value"], ["--problem", Data, "--no-train=1"] },
        { "--batch instead of --batches", ["--batch does not apply to batch-noise", "--batches"], ["--problem", Data, "--batch", "8"] },
    };

    public static TheoryData<string, string[], string[]> Schedule => new()
    {
        { "no schedule", ["schedule needs --schedule at least once", "--schedule constant --schedule cosine"], ["--problem", Formula] },
        { "unknown schedule", ["--schedule 'cosin' (number 1 of 1): unknown schedule 'cosin'", "warm_restarts, linear, onecycle"], ["--problem", Formula, "--schedule", "cosin"] },
        { "second schedule bad", ["--schedule 'step:size=3' (number 2 of 2)", "step_size"], ["--problem", Formula, "--schedule", "constant", "--schedule", "step:size=3"] },
        { "key without value", ["bad spec 'cosine:t_max'", "'='"], ["--problem", Formula, "--schedule", "cosine:t_max"] },
        { "empty milestones", ["milestones=[] for schedule multistep is empty"], ["--problem", Formula, "--schedule", "multistep:milestones=[]"] },
        { "NaN gamma", ["'nan' is not a usable number"], ["--problem", Formula, "--schedule", "exponential:gamma=nan"] },
        { "fractional step size", ["step_size=1.5", "whole number"], ["--problem", Formula, "--schedule", "step:step_size=1.5"] },
        { "negative warmup is the warmup's fault", ["gdnb schedule: --warmup -2 must be ≥ 0"], ["--problem", Formula, "--schedule", "constant", "--warmup", "-2"] },
        { "NaN tolerance", ["--tol: 'nan' is not a finite number"], ["--problem", Formula, "--schedule", "constant", "--tol", "nan"] },
    };

    public static TheoryData<string, string[], string[]> Sharpness => new()
    {
        { "analytic problem", ["sharpness compares batch sizes on a data problem", "logreg, softmax, mlp"], ["--problem", Formula] },
        { "zero size", ["--batches: batch size 0 must be ≥ 1"], ["--problem", Classes, "--batches", "0"] },
        { "sizes missing their value", ["--batches needs a value"], ["--problem", Classes, "--batches"] },
        { "zero iterations", ["--iterations 0 must be ≥ 1"], ["--problem", Classes, "--iterations", "0"] },
        { "iterations beyond an int", ["--iterations: '99999999999' is out of range"], ["--problem", Classes, "--iterations", "99999999999"] },
        { "one probe", ["--probes 1 is out of range", "2 to 100,000"], ["--problem", Classes, "--probes", "1"] },
        { "probes too many to hold", ["--probes 2000000000 is out of range", "2 to 100,000"], ["--problem", Classes, "--probes", "2000000000", "--steps", "1"] },
        { "--every without --eos", ["--every applies only with --eos"], ["--problem", Classes, "--every", "5"] },
        { "zero every", ["--every 0 must be ≥ 1"], ["--problem", Classes, "--eos", "--every", "0"] },
        { "--batches with --eos", ["--batches does not apply with --eos", "full-batch"], ["--problem", Classes, "--eos", "--batches", "8"] },
        { "--batch instead of --batches", ["--batch does not apply to sharpness", "--batches"], ["--problem", Classes, "--batch", "8"] },
        { "flag with a value", ["--eos takes no value"], ["--problem", Classes, "--eos=1"] },
    };

    public static TheoryData<string, string[], string[]> Landscape => new()
    {
        { "unknown mode", ["--mode 3d is not a mode", "1d, 2d"], ["--problem", Formula, "--mode", "3d"] },
        { "mode missing its value", ["--mode needs a value"], ["--problem", Formula, "--mode"] },
        { "resolution of one", ["--resolution 1 is out of range", "2 to 1001"], ["--problem", Formula, "--resolution", "1"] },
        { "zero resolution (an empty grid)", ["--resolution 0 is out of range", "2 to 1001"], ["--problem", Formula, "--resolution", "0"] },
        { "huge grid", ["--resolution 1000000 is out of range", "2 to 1001"], ["--problem", Formula, "--mode", "2d", "--resolution", "1000000"] },
        { "grid beyond an int", ["--resolution: '99999999999' is out of range"], ["--problem", Formula, "--resolution", "99999999999"] },
        { "backward range", ["--from 1 --to 0", "from < to"], ["--problem", Formula, "--from", "1", "--to", "0"] },
        { "empty range", ["--from 1 --to 1", "from < to"], ["--problem", Formula, "--from", "1", "--to", "1"] },
        { "NaN end", ["--from: 'nan' is not a finite number"], ["--problem", Formula, "--from", "nan"] },
        { "range too wide to step", ["the α range is too wide"], ["--problem", Formula, "--from", "-1e308", "--to", "1e308"] },
        { "zero span", ["--span 0 must be > 0"], ["--problem", Formula, "--mode", "2d", "--span", "0"] },
        { "negative span", ["--span -1 must be > 0"], ["--problem", Formula, "--mode", "2d", "--span", "-1"] },
        { "span too wide to step", ["--span", "is too large"], ["--problem", Formula, "--mode", "2d", "--span", "1e308"] },
        { "--from in 2d", ["--from and --to set the 1d range", "--span"], ["--problem", Formula, "--mode", "2d", "--from", "-1"] },
        { "--span in 1d", ["--span sets the 2d range", "--from and --to"], ["--problem", Formula, "--span", "2"] },
        { "batches on an analytic problem", ["--batches applies to data problems", "not to (w-3)^2"], ["--problem", Formula, "--batches", "8,16"] },
        { "one batch size", ["--batches takes exactly two sizes", "given 1"], ["--problem", Classes, "--batches", "8"] },
        { "three batch sizes", ["given 3"], ["--problem", Classes, "--batches", "8,16,32"] },
        { "batches in 2d", ["--batches applies to --mode 1d"], ["--problem", Classes, "--mode", "2d", "--batches", "8,16"] },
        { "word for a size", ["--batches: 'x' is not a batch size"], ["--problem", Classes, "--batches", "x,8"] },
        { "--batch beside --batches", ["--batch and --batches", "drop --batch"], ["--problem", Classes, "--batches", "8,16", "--batch", "4"] },
    };

    public static TheoryData<string, string[], string[]> Compare => new()
    {
        { "no optimizer", ["compare needs --optimizer at least once", "--optimizer sgd --optimizer adam:lr=0.02"], ["--problem", Formula] },
        { "unknown optimizer", ["--optimizer 'adamm' (number 1 of 1): unknown optimizer 'adamm'", "sgd, adagrad, rmsprop, adam, adamw, newton"], ["--problem", Formula, "--optimizer", "adamm"] },
        { "second optimizer bad", ["--optimizer 'adam:lr=-1' (number 2 of 2)", "lr=-1 is out of range", "≥ 0"], ["--problem", Formula, "--optimizer", "sgd", "--optimizer", "adam:lr=-1"] },
        { "word for its rate", ["lr=x must be a number ≥ 0"], ["--problem", Formula, "--optimizer", "sgd", "--optimizer", "adam:lr=x"] },
        { "list for its rate", ["lr=[1,2] must be a number ≥ 0"], ["--problem", Formula, "--optimizer", "adam:lr=[1,2]"] },
        { "rate without a value", ["bad spec 'adam:lr='", "missing value"], ["--problem", Formula, "--optimizer", "adam:lr="] },
        { "key given twice", ["key 'lr' given twice"], ["--problem", Formula, "--optimizer", "sgd:lr=1,lr=2"] },
        { "hyperparameter out of range", ["momentum=2 for optimizer sgd is out of range", "< 1"], ["--problem", Formula, "--optimizer", "sgd:momentum=2"] },
        { "newton on a large network, before any work estimate", ["optimizer newton needs the dense n×n Hessian", "n ≤ 2048"], ["--problem", "mlp:data=digits", "--optimizer", "sgd", "--optimizer", "newton"] },
        { "clipping is the clipping's fault", ["gdnb compare: --clip-norm 0 must be > 0"], ["--problem", Formula, "--optimizer", "sgd", "--clip-norm", "0"] },
        { "NaN tolerance", ["--tol: 'NaN' is not a finite number"], ["--problem", Formula, "--optimizer", "sgd", "--tol", "NaN"] },
    };

    [Theory, MemberData(nameof(Descend))]
    public void Descend_refuses(string why, string[] expected, string[] args) => Refused("descend", why, expected, args);

    [Theory, MemberData(nameof(LrSweep))]
    public void LrSweep_refuses(string why, string[] expected, string[] args) => Refused("lr-sweep", why, expected, args);

    [Theory, MemberData(nameof(LrFind))]
    public void LrFind_refuses(string why, string[] expected, string[] args) => Refused("lr-find", why, expected, args);

    [Theory, MemberData(nameof(BatchNoise))]
    public void BatchNoise_refuses(string why, string[] expected, string[] args) => Refused("batch-noise", why, expected, args);

    [Theory, MemberData(nameof(Schedule))]
    public void Schedule_refuses(string why, string[] expected, string[] args) => Refused("schedule", why, expected, args);

    [Theory, MemberData(nameof(Sharpness))]
    public void Sharpness_refuses(string why, string[] expected, string[] args) => Refused("sharpness", why, expected, args);

    [Theory, MemberData(nameof(Landscape))]
    public void Landscape_refuses(string why, string[] expected, string[] args) => Refused("landscape", why, expected, args);

    [Theory, MemberData(nameof(Compare))]
    public void Compare_refuses(string why, string[] expected, string[] args) => Refused("compare", why, expected, args);

    private static void Refused(string verb, string why, string[] expected, string[] args)
    {
        BadInput.AssertRefused(verb, why, expected, args);
    }
}
