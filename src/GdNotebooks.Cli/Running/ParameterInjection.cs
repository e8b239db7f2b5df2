using System.Text;
using System.Text.Json.Nodes;
using GdNotebooks.Cli.Notebooks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GdNotebooks.Cli.Running;

/// <summary>
/// Papermill's parameter convention for C# notebooks. The first code cell tagged <c>parameters</c> holds the defaults
/// (<c>var lr = 0.1;</c>); <c>gdnb run --param lr=0.5</c> adds a code cell right after it, tagged
/// <c>injected-parameters</c>, that sets the new values. Cells tagged <c>injected-parameters</c> by an earlier run are
/// removed first, so running an executed notebook again replaces them rather than piling them up.
/// </summary>
/// <remarks>
/// <para>A name the parameters cell declares is assigned (<c>lr = 0.5;</c>), so its declared type governs: an int literal
/// given for a double is widened, a double given for an int is a compile error in the injected cell, as it should be.
/// A name it does not declare — or every name, when there is no parameters cell — is declared
/// (<c>var lr = 0.5;</c>) and reported as a warning.</para>
/// <para>Values follow <see cref="NotebookParameter.ToCSharp"/>; a variable the parameters cell declares as a string
/// (<c>string name = …</c>, or <c>var name = "…"</c>) always receives a string literal, so <c>--param tag=42</c> gives
/// <c>"42"</c> there.</para>
/// <para>Without a parameters cell the injected cell goes at the top of the notebook, with a warning (papermill does the same).</para>
/// </remarks>
public static class ParameterInjection
{
    /// <summary>The tag of the cell holding the defaults.</summary>
    public const string ParametersTag = "parameters";

    /// <summary>The tag of the cell the runner adds.</summary>
    public const string InjectedTag = "injected-parameters";

    /// <summary>
    /// Adds the injected-parameters cell to <paramref name="notebook"/> and returns warnings for stderr. Does nothing
    /// (and removes no cell) when <paramref name="parameters"/> is empty. A parameter given twice keeps its last value.
    /// </summary>
    public static IReadOnlyList<string> Inject(Notebook notebook, IReadOnlyList<NotebookParameter> parameters)
    {
        if (parameters.Count == 0) return [];
        var warnings = new List<string>();
        notebook.Cells.RemoveAll(c => c.Tags.Contains(InjectedTag));
        var chosen = parameters.GroupBy(p => p.Name, StringComparer.Ordinal).Select(g => g.Last()).ToList();

        var defaults = notebook.Cells.FirstOrDefault(c => c.Kind == CellKind.Code && c.Tags.Contains(ParametersTag));
        var declared = defaults is null ? new Dictionary<string, bool>() : Declarations(defaults.Source);
        if (defaults is null)
            warnings.Add($"no cell is tagged '{ParametersTag}'; injecting the parameters at the top of the notebook");

        var source = new StringBuilder("// Parameters injected by gdnb run\n");
        var values = new JsonObject();
        foreach (var parameter in chosen)
        {
            bool isDeclared = declared.TryGetValue(parameter.Name, out bool isString);
            if (defaults is not null && !isDeclared)
                warnings.Add($"--param {parameter.Name}: the parameters cell does not declare '{parameter.Name}'; declaring it in the injected cell");
            source.Append(isDeclared ? "" : "var ").Append(parameter.Name).Append(" = ").Append(parameter.ToCSharp(isString)).Append(";\n");
            values[parameter.Name] = parameter.ToJson(isString);
        }

        var injected = NotebookCell.Code(source.ToString().TrimEnd('\n'));
        injected.Tags = [InjectedTag];
        int at = defaults is null ? 0 : notebook.Cells.IndexOf(defaults) + 1;
        notebook.Cells.Insert(at, injected);
        notebook.EnsureCellIds();
        RunMetadata.Section(notebook.Metadata)["parameters"] = values;
        return warnings;
    }

    /// <summary>
    /// The variables a cell declares at its top level (name → declared as a string). Reads the cell as a C# script
    /// without compiling it; magic lines and anything unparseable are skipped.
    /// </summary>
    public static Dictionary<string, bool> Declarations(string source)
    {
        var result = new Dictionary<string, bool>(StringComparer.Ordinal);
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script));
        foreach (var member in ((CompilationUnitSyntax)tree.GetRoot()).Members)
        {
            var declaration = member switch
            {
                FieldDeclarationSyntax field => field.Declaration,
                GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax local } => local.Declaration,
                _ => null,
            };
            if (declaration is null) continue;
            foreach (var variable in declaration.Variables)
                result[variable.Identifier.ValueText] = IsString(declaration.Type, variable.Initializer?.Value);
        }
        return result;
    }

    private static bool IsString(TypeSyntax type, ExpressionSyntax? initializer)
    {
        if (type is PredefinedTypeSyntax predefined) return predefined.Keyword.IsKind(SyntaxKind.StringKeyword);
        if (type is NullableTypeSyntax { ElementType: PredefinedTypeSyntax inner }) return inner.Keyword.IsKind(SyntaxKind.StringKeyword);
        if (type is IdentifierNameSyntax { Identifier.ValueText: "String" or "string" } named && !named.IsVar) return true;
        return type.IsVar && initializer is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)
            || type.IsVar && initializer is InterpolatedStringExpressionSyntax;
    }
}
