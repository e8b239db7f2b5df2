using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GdNotebooks.Kernel.Execution;

/// <summary>
/// Inspection from Roslyn's semantic model: the symbol under (or just before) the cursor, shown as a C#
/// signature (all overloads for a method group) plus its XML doc summary.
/// </summary>
internal static class CodeInspector
{
    private const int MaxOverloads = 12;

    private static readonly SymbolDisplayFormat Format = SymbolDisplayFormat.MinimallyQualifiedFormat
        .AddMemberOptions(SymbolDisplayMemberOptions.IncludeContainingType)
        .AddParameterOptions(SymbolDisplayParameterOptions.IncludeDefaultValue)
        .AddKindOptions(SymbolDisplayKindOptions.IncludeTypeKeyword | SymbolDisplayKindOptions.IncludeNamespaceKeyword);

    /// <summary>What the identifier at <paramref name="cursor"/> (a UTF-16 offset) refers to, or null when nothing is there.</summary>
    public static InspectionResult? Inspect(Compilation compilation, SyntaxTree tree, string code, int cursor, XmlDocumentation docs)
    {
        cursor = Math.Clamp(cursor, 0, code.Length);
        var model = compilation.GetSemanticModel(tree);
        var root = tree.GetRoot();
        var symbols = SymbolsAt(model, root.FindToken(cursor));
        if (symbols.Count == 0 && cursor > 0) symbols = SymbolsAt(model, root.FindToken(cursor - 1));
        if (symbols.Count == 0) return null;

        var position = Math.Min(cursor, Math.Max(0, root.FullSpan.End - 1));
        var lines = symbols.Take(MaxOverloads).Select(s => Describe(s, model, position)).ToList();
        if (symbols.Count > MaxOverloads) lines.Add($"(+{symbols.Count - MaxOverloads} more overloads)");
        return new InspectionResult(string.Join("\n", lines), docs.Summary(symbols[0]));
    }

    private static List<ISymbol> SymbolsAt(SemanticModel model, SyntaxToken token)
    {
        if (!token.IsKind(SyntaxKind.IdentifierToken) && !SyntaxFacts.IsPredefinedType(token.Kind())) return [];
        var node = token.Parent;
        if (node is null) return [];
        if (model.GetDeclaredSymbol(node) is { } declared) return [declared];
        var info = model.GetSymbolInfo(node);
        if (info.Symbol is { } symbol) return [symbol];
        if (info.CandidateSymbols.Length > 0) return [.. info.CandidateSymbols];
        return model.GetTypeInfo(node).Type is { TypeKind: not TypeKind.Error } type ? [type] : [];
    }

    private static string Describe(ISymbol symbol, SemanticModel model, int position)
    {
        var text = symbol.ToMinimalDisplayString(model, position, Format);
        return symbol switch
        {
            IFieldSymbol { ContainingType.IsScriptClass: true } field => $"(variable) {field.Type.ToMinimalDisplayString(model, position)} {field.Name}",
            ILocalSymbol local => $"(local) {local.Type.ToMinimalDisplayString(model, position)} {local.Name}",
            IParameterSymbol parameter => $"(parameter) {parameter.Type.ToMinimalDisplayString(model, position)} {parameter.Name}",
            IMethodSymbol { MethodKind: MethodKind.ReducedExtension } => "(extension) " + text,
            _ => text,
        };
    }
}
