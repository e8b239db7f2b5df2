using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GdNotebooks.Kernel.Execution;

/// <summary>
/// Completion from Roslyn's semantic model (no Features package): after a dot, the members of the type or
/// namespace on its left (extension methods included); elsewhere, the names in scope (locals, earlier cells'
/// variables, types of imported namespaces) and C# keywords.
/// </summary>
internal static class CodeCompleter
{
    private static readonly string[] Keywords = SyntaxFacts.GetKeywordKinds()
        .Concat(SyntaxFacts.GetContextualKeywordKinds())
        .Select(SyntaxFacts.GetText)
        .Where(k => k.Length > 0 && char.IsLetter(k[0]))
        .Distinct()
        .ToArray();

    /// <summary>Candidates for the identifier that ends at <paramref name="cursor"/> (a UTF-16 offset).</summary>
    public static CompletionResult Complete(Compilation compilation, SyntaxTree tree, string code, int cursor)
    {
        cursor = Math.Clamp(cursor, 0, code.Length);
        var start = cursor;
        while (start > 0 && IsIdentifierChar(code[start - 1])) start--;
        var prefix = code[start..cursor];
        var model = compilation.GetSemanticModel(tree);

        IEnumerable<ISymbol> symbols;
        IEnumerable<string> extra = [];
        if (start > 0 && code[start - 1] == '.')
        {
            symbols = MembersAfterDot(model, tree.GetRoot().FindToken(start - 1), start);
        }
        else
        {
            symbols = model.LookupSymbols(start);
            extra = Keywords;
        }

        var matches = symbols
            .Where(s => s.CanBeReferencedByName && !s.IsImplicitlyDeclared)
            .Select(s => s.Name)
            .Concat(extra)
            .Where(n => n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(n => !n.StartsWith(prefix, StringComparison.Ordinal))
            .ThenBy(n => n, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new CompletionResult(matches, start, cursor);
    }

    private static IEnumerable<ISymbol> MembersAfterDot(SemanticModel model, SyntaxToken dot, int position)
    {
        ExpressionSyntax? left = dot.Parent switch
        {
            MemberAccessExpressionSyntax access => access.Expression,
            QualifiedNameSyntax qualified => qualified.Left,
            MemberBindingExpressionSyntax binding => binding.FirstAncestorOrSelf<ConditionalAccessExpressionSyntax>()?.Expression,
            _ => null,
        };
        if (left is null) return [];

        var info = model.GetSymbolInfo(left);
        var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
        switch (symbol)
        {
            case INamespaceSymbol ns:
                return ns.GetMembers().Where(m => m is INamespaceSymbol || model.IsAccessible(position, m));
            case ITypeSymbol type when !IsValue(model, left, type):
                return model.LookupStaticMembers(position, type)
                    .Concat(model.LookupNamespacesAndTypes(position, (INamespaceOrTypeSymbol)type));
        }

        var valueType = model.GetTypeInfo(left).Type;
        if (valueType is null || valueType.TypeKind == TypeKind.Error) return [];
        return model.LookupSymbols(position, valueType, includeReducedExtensionMethods: true)
            .Where(s => !s.IsStatic || s is IMethodSymbol { MethodKind: MethodKind.ReducedExtension });
    }

    // In "Color Color" cases (a property named like its type) the left side binds as a type but is also a value.
    private static bool IsValue(SemanticModel model, ExpressionSyntax left, ITypeSymbol type) =>
        model.GetTypeInfo(left).Type is { } t && SymbolEqualityComparer.Default.Equals(t, type)
        && model.GetSymbolInfo(left).Symbol is not ITypeSymbol;

    private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
