using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Scripting;

namespace GdNotebooks.Kernel.Execution;

/// <summary>
/// Runs C# cells with Roslyn scripting, each continuing the state of the previous ones, and reports what they
/// produce as <see cref="ExecutionEvent"/>s to a sink. Never touches a socket: the Jupyter kernel and the
/// headless runner both drive it. One cell runs at a time; completion, inspection and is_complete may be
/// asked between cells. Every <see cref="SubmissionChain.DefaultCellsPerChain"/> cells the next C# cell first starts a
/// new Roslyn submission chain carrying the user's variables and declarations over, so memory stays bounded over a
/// long session (the guarantees are in <see cref="SubmissionChain"/>).
/// </summary>
public sealed class ExecutionEngine : IDisposable
{
    private readonly SemaphoreSlim _oneCellAtATime = new(1, 1);
    private readonly ScriptOptions _options;
    private readonly CellRouter _router;
    private readonly SubmissionChain _chain;
    private readonly XmlDocumentation _docs = new();
    private readonly DefaultMimeFormatter _fallbackFormatter = new();

    /// <summary>Creates an engine; <paramref name="baseDirectory"/> (default: current directory) resolves <c>#r</c> paths.</summary>
    public ExecutionEngine(string? baseDirectory = null)
    {
        _options = ScriptSetup.CreateOptions(baseDirectory);
        _router = new CellRouter(() => Formatter);
        _chain = new SubmissionChain(_options, new ScriptGlobals(_router));
    }

    /// <summary>Formats displayed and returned values. Replace it to add richer mime types.</summary>
    public IMimeFormatter Formatter { get; set; } = new DefaultMimeFormatter();

    /// <summary>
    /// Cells per Roslyn submission chain: after this many, the next C# cell first starts a new chain that carries
    /// variables, declarations, <c>using</c> and <c>#r</c> over (see <see cref="SubmissionChain"/>), so memory stays bounded.
    /// </summary>
    internal int CellsPerChain { get => _chain.CellsPerChain; set => _chain.CellsPerChain = value; }

    /// <summary>How many new submission chains were started.</summary>
    internal int ChainSwitches => _chain.Switches;

    /// <summary>Runs the cell's leading <c>#!</c> lines; null until magic commands are plugged in.</summary>
    public IMagicHandler? MagicHandler { get; set; }

    /// <summary>
    /// Compiles and runs one cell. Console output, displays, the trailing expression's value and any failure
    /// reach <paramref name="sink"/> in order, all before this returns. Compile errors, exceptions and
    /// interrupts (cancelling <paramref name="cancellationToken"/>) are reported, never thrown.
    /// </summary>
    public async Task<ExecutionOutcome> ExecuteAsync(string code, IExecutionSink sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(sink);
        ConsoleCapture.Install();
        await _oneCellAtATime.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            using var cell = new CellContext(sink, cancellationToken);
            var outcome = await RunCellAsync(code, cell, cancellationToken).ConfigureAwait(false);
            if (outcome.Failure is { } failure) cell.Publish(failure);
            return outcome;
        }
        finally
        {
            _oneCellAtATime.Release();
        }
    }

    /// <summary>Whether <paramref name="code"/> is ready to run, still open, or broken beyond repair.</summary>
    public static SubmissionStatus IsComplete(string code)
    {
        var csharp = MagicLines.Split(code).Code;
        if (string.IsNullOrWhiteSpace(csharp)) return SubmissionStatus.Complete;
        var tree = CSharpSyntaxTree.ParseText(csharp, ScriptSetup.ParseOptions);
        if (!SyntaxFactory.IsCompleteSubmission(tree)) return SubmissionStatus.Incomplete;
        return tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error) ? SubmissionStatus.Invalid : SubmissionStatus.Complete;
    }

    /// <summary>Completion candidates at <paramref name="cursor"/> (UTF-16 offset), seeing every earlier cell's declarations.</summary>
    public CompletionResult Complete(string code, int cursor)
    {
        if (MagicHandler is not null && MagicLineAt(code, cursor) is var (lineStart, line)
            && MagicHandler.Complete(line, cursor - lineStart) is { } magic)
            return magic with { Start = magic.Start + lineStart, End = magic.End + lineStart };
        var (compilation, tree) = _chain.Preview(code);
        return CodeCompleter.Complete(compilation, tree, code, cursor);
    }

    // The leading magic line holding the cursor (its start offset and text), or null when the cursor is in the C# part.
    private static (int Start, string Line)? MagicLineAt(string code, int cursor)
    {
        cursor = Math.Clamp(cursor, 0, code.Length);
        var parts = MagicLines.Split(code);
        if (parts.Magics.Count == 0 || cursor > code.Length - parts.Code.Length) return null;
        var start = cursor == 0 ? 0 : code.LastIndexOf('\n', cursor - 1) + 1;
        var end = code.IndexOf('\n', cursor);
        var line = code[start..(end < 0 ? code.Length : end)].TrimEnd('\r');
        return line.TrimStart().StartsWith("#!", StringComparison.Ordinal) ? (start, line) : null;
    }

    /// <summary>Signature and documentation of the symbol at <paramref name="cursor"/>, or null.</summary>
    public InspectionResult? Inspect(string code, int cursor)
    {
        var (compilation, tree) = _chain.Preview(code);
        return CodeInspector.Inspect(compilation, tree, code, cursor, _docs);
    }

    /// <summary>
    /// Compiles and runs a throwaway script off to the side, so Roslyn is loaded and jitted before the first real cell,
    /// together with <see cref="WarmUpCompilerAsync"/> on a second thread. Kept to what every cell needs (binding, emit
    /// with debug information, running): a first cell arriving meanwhile shares this work rather than competing with
    /// extra warm-up. Leaves no state behind.
    /// </summary>
    public Task WarmUpAsync() => Task.WhenAll(WarmUpCompilerAsync(), Task.Run(async () =>
    {
        try
        {
            var script = CSharpScript.Create<object>("1 + 1", _options, typeof(ScriptGlobals));
            await script.RunAsync(new ScriptGlobals(new CellRouter(() => Formatter))).ConfigureAwait(false);
        }
        catch (Exception e) { KernelLog.Debug("warm-up failed: " + e.Message); }
    }));

    /// <summary>
    /// Compiles and emits a tiny library (with a PDB) once per process, in the background, needing no engine: it jits the
    /// compiler's parsing, binding, lowering and emit code while the script warm-up is still loading references, so a
    /// first compile costs two cores' worth of time instead of one (the kernel starts it before anything else).
    /// </summary>
    public static Task WarmUpCompilerAsync() => CompilerWarmUp.Value;

    private static readonly Lazy<Task> CompilerWarmUp = new(() => Task.Run(() =>
    {
        try
        {
            var tree = CSharpSyntaxTree.ParseText("static class Warm { static int F(int x) { var list = new System.Collections.Generic.List<int> { x }; return list.Count + 1; } }");
            var compilation = CSharpCompilation.Create("warm-up", [tree], [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var pe = new MemoryStream();
            using var pdb = new MemoryStream();
            compilation.Emit(pe, pdb, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
        }
        catch (Exception e) { KernelLog.Debug("compiler warm-up failed: " + e.Message); }
    }));

    /// <summary>Releases the cell lock.</summary>
    public void Dispose() => _oneCellAtATime.Dispose();

    private async Task<ExecutionOutcome> RunCellAsync(string code, CellContext cell, CancellationToken cancellationToken)
    {
        cell.Enter();
        _router.Began(cell);
        var whenCellEnds = new List<Action<ExecutionOutcome>>();
        var outcome = await RunPartsAsync(code, cell, whenCellEnds, cancellationToken).ConfigureAwait(false);
        for (var i = whenCellEnds.Count - 1; i >= 0; i--)
        {
            try { whenCellEnds[i](outcome); }
            catch (Exception e) { KernelLog.Warn("a magic command's end-of-cell action failed: " + e.Message); }
        }
        return outcome;
    }

    private async Task<ExecutionOutcome> RunPartsAsync(string code, CellContext cell, List<Action<ExecutionOutcome>> whenCellEnds, CancellationToken cancellationToken)
    {
        try
        {
            var parts = MagicLines.Split(code);
            for (var i = 0; i < parts.Magics.Count; i++)
            {
                var failure = await RunMagicAsync(parts.Magics[i], i + 1, cell, whenCellEnds, cancellationToken).ConfigureAwait(false);
                if (failure is not null) return new ExecutionOutcome(ExecutionStatus.Error, failure);
            }
            if (string.IsNullOrWhiteSpace(parts.Code)) return ExecutionOutcome.Ok;
            return await RunCSharpAsync(parts, cell, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new ExecutionOutcome(ExecutionStatus.Interrupted, FailureReport.Interrupted());
        }
        catch (CompilationErrorException e)
        {
            return new ExecutionOutcome(ExecutionStatus.Error, FailureReport.FromDiagnostics(e.Diagnostics, 0));
        }
        catch (Exception e)
        {
            return new ExecutionOutcome(ExecutionStatus.Error, FailureReport.FromException(e));
        }
    }

    private async Task<ExecutionFailed?> RunMagicAsync(string line, int lineNumber, CellContext cell, List<Action<ExecutionOutcome>> whenCellEnds, CancellationToken cancellationToken)
    {
        var name = line.Split(' ', 2)[0];
        if (MagicHandler is null)
            return new ExecutionFailed("UnknownMagic", $"magic commands are not available in this kernel yet: {name}", [$"unknown magic command {name}"]);
        try
        {
            var known = await MagicHandler.InvokeAsync(new MagicInvocation(line, lineNumber, cell, Formatter) { WhenCellEnds = whenCellEnds }, cancellationToken).ConfigureAwait(false);
            return known ? null : new ExecutionFailed("UnknownMagic", $"unknown magic command {name}; #!lsmagic lists them", [$"unknown magic command {name}"]);
        }
        catch (UsageException e)
        {
            return new ExecutionFailed(ExecutionFailed.UsageError, e.Message, [$"{name}: {e.Message}"]);
        }
    }

    private async Task<ExecutionOutcome> RunCSharpAsync(MagicLines parts, CellContext cell, CancellationToken cancellationToken)
    {
        await _chain.SwitchIfDueAsync().ConfigureAwait(false);
        var script = _chain.Continue(parts.Code);
        var diagnostics = script.Compile(cancellationToken);
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            return new ExecutionOutcome(ExecutionStatus.Error, FailureReport.FromDiagnostics(diagnostics, parts.CodeLineOffset));

        var state = await _chain.RunAsync(script, cancellationToken).ConfigureAwait(false);

        if (state.Exception is { } exception)
        {
            return exception is OperationCanceledException && cancellationToken.IsCancellationRequested
                ? new ExecutionOutcome(ExecutionStatus.Interrupted, FailureReport.Interrupted())
                : new ExecutionOutcome(ExecutionStatus.Error, FailureReport.FromException(exception));
        }
        if (HasTrailingValue(script.GetCompilation())) cell.Publish(new ReturnValue(state.ReturnValue, Format(state.ReturnValue)));
        return ExecutionOutcome.Ok;
    }

    // Roslyn returns the value of a final expression written without a semicolon, if it is not void.
    private static bool HasTrailingValue(Compilation compilation)
    {
        var tree = compilation.SyntaxTrees.First();
        if (tree.GetRoot() is not Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax root) return false;
        if (root.Members.LastOrDefault() is not Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax
            { Statement: Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionStatementSyntax { SemicolonToken.IsMissing: true } statement })
            return false;
        var type = compilation.GetSemanticModel(tree).GetTypeInfo(statement.Expression).Type;
        return type is not null && type.SpecialType != SpecialType.System_Void;
    }

    private MimeBundle Format(object? value)
    {
        try { return Formatter.Format(value, []); }
        catch (Exception e)
        {
            KernelLog.Warn($"formatter {Formatter.GetType().Name} failed on {value?.GetType().Name}: {e.Message}");
            return _fallbackFormatter.Format(value, []);
        }
    }
}
