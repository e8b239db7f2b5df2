using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;

namespace GdNotebooks.Kernel.Execution;

/// <summary>
/// The first submission of a new compilation chain, written so that the user's state carries over from the old
/// chain without re-running any statement: <c>#r</c> directives and <c>using</c> directives, then every live
/// top-level variable initialised from the old value (through <see cref="ScriptGlobals.__Carried{T}"/>), then the
/// declarations (methods, computed properties, classes, records, structs, interfaces, enums, delegates) in order.
/// </summary>
/// <param name="Code">The C# of the carrying submission.</param>
/// <param name="Values">The carried values, indexed as the code reads them.</param>
/// <param name="Untyped">Variables declared <c>dynamic</c> because their type cannot be named in a new chain.</param>
internal sealed record ChainCarry(string Code, object?[] Values, IReadOnlyList<string> Untyped)
{
    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat;

    /// <summary>
    /// Collects what <paramref name="state"/>'s chain declared. A name declared again in a later cell takes the later
    /// declaration (methods: the later one with the same parameter types); a variable hidden by a later method, property
    /// or type of the same name is dropped, and the other way round.
    /// </summary>
    public static ChainCarry From(ScriptState<object> state)
    {
        var references = new List<string>();
        var usings = new List<string>();
        var members = new List<(string Key, string Name, int Cell, string Text)>();
        var variables = new Dictionary<string, (IFieldSymbol Field, int Cell)>(StringComparer.Ordinal);

        var cell = 0;
        foreach (var script in Chain(state.Script))
        {
            cell++;
            var compilation = script.GetCompilation();
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (tree.GetRoot() is not CompilationUnitSyntax root) continue;
                foreach (var directive in root.GetReferenceDirectives())
                    AddOnce(references, "#r " + directive.File.Text);
                foreach (var directive in root.Usings)
                    AddOnce(usings, directive.ToString());
                foreach (var member in root.Members)
                {
                    if (Declaration(member) is not { } declaration) continue;
                    members.RemoveAll(m => m.Key == declaration.Key);
                    members.Add((declaration.Key, declaration.Name, cell, member.ToString()));
                }
            }
            foreach (var field in compilation.ScriptClass?.GetMembers().OfType<IFieldSymbol>() ?? [])
            {
                if (field.IsImplicitlyDeclared || !field.CanBeReferencedByName) continue;
                variables[field.Name] = (field, cell);
            }
        }

        // Whatever was declared last under a name is what later cells saw under it.
        var lastMember = members.GroupBy(m => m.Name).ToDictionary(g => g.Key, g => g.Max(m => m.Cell), StringComparer.Ordinal);
        members.RemoveAll(m => variables.TryGetValue(m.Name, out var v) && v.Cell >= m.Cell);

        var code = new System.Text.StringBuilder();
        foreach (var reference in references) code.AppendLine(reference);
        foreach (var directive in usings) code.AppendLine(directive);
        var values = new List<object?>();
        var untyped = new List<string>();
        foreach (var (name, (field, declaredIn)) in variables.OrderBy(v => v.Value.Cell))
        {
            if (lastMember.TryGetValue(name, out var memberCell) && memberCell > declaredIn) continue;
            var identifier = SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None ? name : "@" + name;
            if (field.IsConst)
            {
                code.AppendLine($"const {field.Type.ToDisplayString(TypeFormat)} {identifier} = {SymbolDisplay.FormatPrimitive(field.ConstantValue!, quoteStrings: true, useHexadecimalNumbers: false)};");
                continue;
            }
            var type = IsNameable(field.Type) ? field.Type.ToDisplayString(TypeFormat) : "dynamic";
            if (type == "dynamic" && field.Type.TypeKind != TypeKind.Dynamic) untyped.Add(name);
            code.AppendLine($"{type} {identifier} = __Carried<{type}>({values.Count});");
            values.Add(state.GetVariable(name)?.Value);
        }
        foreach (var member in members) code.AppendLine(member.Text);
        return new ChainCarry(code.ToString(), [.. values], untyped);
    }

    /// <summary>Whether a later, separate compilation can write <paramref name="type"/> by its fully qualified name.</summary>
    public static bool IsNameable(ITypeSymbol type) => type switch
    {
        IDynamicTypeSymbol => true,
        IArrayTypeSymbol array => IsNameable(array.ElementType),
        INamedTypeSymbol named => named.TypeKind != TypeKind.Error
            && !named.IsAnonymousType
            && named.ContainingAssembly is { IsInteractive: false }
            && IsPublic(named)
            && named.TypeArguments.All(IsNameable),
        _ => false, // type parameters, pointers, function pointers
    };

    private static bool IsPublic(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType)
            if (t.DeclaredAccessibility != Accessibility.Public) return false;
        return true;
    }

    private static (string Key, string Name)? Declaration(MemberDeclarationSyntax member) => member switch
    {
        MethodDeclarationSyntax m => ($"method {m.Identifier.ValueText}`{m.Arity}({string.Join(",", m.ParameterList.Parameters.Select(p => p.Type?.ToString()))})", m.Identifier.ValueText),
        BaseTypeDeclarationSyntax t => ($"type {t.Identifier.ValueText}`{(t as TypeDeclarationSyntax)?.Arity ?? 0}", t.Identifier.ValueText),
        DelegateDeclarationSyntax d => ($"type {d.Identifier.ValueText}`{d.Arity}", d.Identifier.ValueText),
        // An auto-property holds state that a re-declaration would reset, so only computed properties are carried.
        PropertyDeclarationSyntax p when IsComputed(p) => ($"property {p.Identifier.ValueText}", p.Identifier.ValueText),
        _ => null,
    };

    private static bool IsComputed(PropertyDeclarationSyntax property) =>
        property.ExpressionBody is not null
        || property.AccessorList?.Accessors.All(a => a.Body is not null || a.ExpressionBody is not null) == true;

    private static IEnumerable<Script> Chain(Script last)
    {
        var scripts = new List<Script>();
        for (var s = last; s is not null; s = s.Previous) scripts.Add(s);
        scripts.Reverse();
        return scripts;
    }

    private static void AddOnce(List<string> lines, string line)
    {
        if (!lines.Contains(line, StringComparer.Ordinal)) lines.Add(line);
    }
}
