using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace GdNotebooks.Kernel.Execution;

/// <summary>
/// The Roslyn submission chain the cells run in, restarted every <see cref="CellsPerChain"/> cells so that a
/// kernel used all day keeps bounded memory and per-cell time.
/// </summary>
/// <remarks>
/// <para>Each Roslyn submission keeps its compilation and each compilation the previous one, so a chain grows with
/// every cell (about 55 KB of managed heap per cell, measured). A new chain lets the old compilations be collected:
/// over 2,000 cells the managed heap stays between 12 and 30 MB. What a new chain cannot free is the code already
/// loaded (Roslyn's assembly loader cannot unload), about 50 KB of working set per cell (35 KB without debug
/// information).</para>
/// <para><b>Guarantees after a switch.</b> Every live top-level variable keeps its value (the same object, not a
/// copy); where two cells declared the same name, the later one wins. Its declared type is kept when C# can name it
/// from outside the chain (framework, GdNotebooks and <c>#r</c> types, generic and array types of them); a variable
/// whose type was declared in a cell, or is anonymous or involves such a type, becomes <c>dynamic</c> (members still
/// work at run time, but it can no longer be passed where the re-declared type is expected). Constants stay
/// constants. Methods, computed properties, classes, records, structs, interfaces, enums and delegates declared at the
/// top of a cell are declared again (so methods that read top-level variables still compile), together with the
/// cells' <c>using</c> and <c>#r</c> directives. No statement runs again: side effects (output, counters, files)
/// happen once.</para>
/// <para><b>Limits.</b> Auto-properties declared at the top of a cell are not carried (re-declaring one would reset
/// it), and <c>#load</c> directives are not repeated. Re-declared types are new types: objects created before the
/// switch keep the old type, and static initialisers run again on first use. A method whose body uses a variable that
/// became <c>dynamic</c> in a way <c>dynamic</c> forbids (passing it a lambda) makes the carry fail; calling an
/// extension method on it compiles but fails when called. If the carrying code does not compile or throws, the old
/// chain is kept, the diagnostics go to <see cref="KernelLog"/>, and the switch is tried again
/// <see cref="CellsPerChain"/> cells later.</para>
/// </remarks>
internal sealed class SubmissionChain(ScriptOptions options, ScriptGlobals globals)
{
    /// <summary>Cells per chain unless set otherwise.</summary>
    public const int DefaultCellsPerChain = 200;

    // Later submissions inherit every earlier one's references; listing them again made Roslyn's reference manager
    // hold n copies of the list in submission n (quadratic memory and time: 1.4 GB after 1,000 cells).
    private readonly ScriptOptions _continuationOptions = options.WithReferences(Array.Empty<MetadataReference>());
    private ScriptState<object>? _state;
    private int _cellsInChain;
    private int _nextSwitchAt = DefaultCellsPerChain;
    private int _cellsPerChain = DefaultCellsPerChain;

    /// <summary>How many cells run in one chain before the next cell starts a new one (at least 1).</summary>
    public int CellsPerChain
    {
        get => _cellsPerChain;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _cellsPerChain = value;
            _nextSwitchAt = value;
        }
    }

    /// <summary>How many times a new chain was started.</summary>
    public int Switches { get; private set; }

    /// <summary>The script for <paramref name="code"/>, continuing the chain; not yet part of it.</summary>
    public Script<object> Continue(string code) => _state is null
        ? CSharpScript.Create<object>(code, options, typeof(ScriptGlobals))
        : _state.Script.ContinueWith<object>(code, _continuationOptions);

    /// <summary>Runs <paramref name="script"/> (from <see cref="Continue"/>) and makes it part of the chain.</summary>
    public async Task<ScriptState<object>> RunAsync(Script<object> script, CancellationToken cancellationToken)
    {
        var state = _state is null
            ? await script.RunAsync(globals, _ => true, cancellationToken).ConfigureAwait(false)
            : await script.RunFromAsync(_state, _ => true, cancellationToken).ConfigureAwait(false);
        _state = state;
        _cellsInChain++;
        return state;
    }

    /// <summary>Starts a new chain carrying the state over, if this one is due; on failure keeps this one.</summary>
    public async Task SwitchIfDueAsync()
    {
        if (_state is null || _cellsInChain < _nextSwitchAt) return;
        _nextSwitchAt = _cellsInChain + _cellsPerChain;
        var started = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            var carry = ChainCarry.From(_state);
            var script = CSharpScript.Create<object>(carry.Code, options, typeof(ScriptGlobals));
            var errors = script.Compile().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                KernelLog.Warn($"kept the compilation chain of {_cellsInChain} cells: carrying its state does not compile "
                    + $"(next try in {_cellsPerChain} cells): {string.Join("; ", errors.Take(5))}");
                KernelLog.Debug("carrying code:\n" + carry.Code);
                return;
            }
            globals.Carry(carry.Values);
            ScriptState<object> state;
            try { state = await script.RunAsync(globals, _ => true, CancellationToken.None).ConfigureAwait(false); }
            finally { globals.Carry([]); }
            if (state.Exception is { } exception)
            {
                KernelLog.Warn($"kept the compilation chain of {_cellsInChain} cells: carrying its state failed "
                    + $"(next try in {_cellsPerChain} cells): {exception.GetType().Name}: {exception.Message}");
                return;
            }
            KernelLog.Debug($"new compilation chain after {_cellsInChain} cells, {carry.Values.Length} variables carried "
                + $"({carry.Untyped.Count} as dynamic) in {started.ElapsedMilliseconds} ms");
            _state = state;
            _cellsInChain = 0;
            _nextSwitchAt = _cellsPerChain;
            Switches++;
        }
        catch (Exception e)
        {
            KernelLog.Warn($"kept the compilation chain of {_cellsInChain} cells: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>
    /// A throwaway continuation of the chain for completion and inspection: its compilation sees every earlier
    /// cell's declarations.
    /// </summary>
    public (Compilation Compilation, SyntaxTree Tree) Preview(string code)
    {
        var compilation = Continue(code).GetCompilation();
        return (compilation, compilation.SyntaxTrees.First());
    }
}
