using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MemKata.Grading.Similarity;

/// <summary>
/// The names a program declares, by what they name, read from its syntax alone (no compilation). A renaming attacker can
/// change exactly these, so the normaliser abstracts them (<see cref="NameKind"/>) and keeps every other identifier
/// (the contract's and .NET's: <c>ReadWord</c>, <c>MapPage</c>, <c>Math.Max</c>) as written. A constant is remembered
/// with the kind of literal it stands for, because a compiler inlines constants (a decompiled copy shows <c>16uL</c>
/// where the source said <c>HeaderSize</c>).
/// </summary>
public sealed class DeclaredNames
{
    private readonly Dictionary<string, NameKind> _kinds = new(StringComparer.Ordinal);

    private DeclaredNames()
    {
    }

    /// <summary>What a declared name names.</summary>
    public enum NameKind
    {
        /// <summary>A type, field, property, method, event, enum member or local function.</summary>
        Member,

        /// <summary>A local variable, parameter, pattern or lambda variable, or label.</summary>
        Local,

        /// <summary>A numeric (or boolean) constant.</summary>
        NumericConstant,

        /// <summary>A string constant.</summary>
        StringConstant,

        /// <summary>A character constant.</summary>
        CharConstant,
    }

    /// <summary>The names declared anywhere in <paramref name="roots"/>.</summary>
    public static DeclaredNames Collect(IEnumerable<SyntaxNode> roots)
    {
        ArgumentNullException.ThrowIfNull(roots);
        var names = new DeclaredNames();
        foreach (var node in roots.SelectMany(root => root.DescendantNodesAndSelf()))
        {
            names.Visit(node);
        }

        return names;
    }

    /// <summary>What <paramref name="name"/> names in this program, or null when the program does not declare it.</summary>
    public NameKind? KindOf(string name) => _kinds.TryGetValue(name, out var kind) ? kind : null;

    private void Visit(SyntaxNode node)
    {
        switch (node)
        {
            case BaseTypeDeclarationSyntax type:
                Add(type.Identifier, NameKind.Member);
                break;
            case DelegateDeclarationSyntax @delegate:
                Add(@delegate.Identifier, NameKind.Member);
                break;
            case EnumMemberDeclarationSyntax member:
                Add(member.Identifier, NameKind.Member);
                break;
            case MethodDeclarationSyntax method:
                Add(method.Identifier, NameKind.Member);
                break;
            case LocalFunctionStatementSyntax function:
                Add(function.Identifier, NameKind.Member);
                break;
            case PropertyDeclarationSyntax property:
                Add(property.Identifier, NameKind.Member);
                break;
            case EventDeclarationSyntax @event:
                Add(@event.Identifier, NameKind.Member);
                break;
            case VariableDeclaratorSyntax variable:
                Add(variable.Identifier, VariableKind(variable));
                break;
            case ParameterSyntax parameter:
                Add(parameter.Identifier, NameKind.Local);
                break;
            case TypeParameterSyntax typeParameter:
                Add(typeParameter.Identifier, NameKind.Local);
                break;
            case ForEachStatementSyntax forEach:
                Add(forEach.Identifier, NameKind.Local);
                break;
            case CatchDeclarationSyntax @catch:
                Add(@catch.Identifier, NameKind.Local);
                break;
            case SingleVariableDesignationSyntax designation:
                Add(designation.Identifier, NameKind.Local);
                break;
            case LabeledStatementSyntax label:
                Add(label.Identifier, NameKind.Local);
                break;
            case QueryClauseSyntax or FromClauseSyntax or QueryContinuationSyntax:
                foreach (var token in node.ChildTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)))
                {
                    Add(token, NameKind.Local);
                }

                break;
            default:
                break;
        }
    }

    private static NameKind VariableKind(VariableDeclaratorSyntax variable)
    {
        var isConst = variable.Parent?.Parent switch
        {
            FieldDeclarationSyntax field => field.Modifiers.Any(SyntaxKind.ConstKeyword),
            LocalDeclarationStatementSyntax local => local.IsConst,
            _ => false,
        };
        if (isConst)
        {
            var value = variable.Initializer?.Value;
            var literals = value?.DescendantTokens().Select(t => t.Kind()).ToList() ?? [];
            return literals.Contains(SyntaxKind.StringLiteralToken) || value is InterpolatedStringExpressionSyntax ? NameKind.StringConstant
                : literals.Contains(SyntaxKind.CharacterLiteralToken) ? NameKind.CharConstant
                : NameKind.NumericConstant;
        }

        return variable.Parent?.Parent is FieldDeclarationSyntax or EventFieldDeclarationSyntax ? NameKind.Member : NameKind.Local;
    }

    // A name declared twice with different kinds keeps the first kind met that is not Local: a field and a parameter of
    // the same name are rare, and either reading abstracts the name.
    private void Add(SyntaxToken identifier, NameKind kind)
    {
        var name = identifier.ValueText;
        if (name.Length == 0 || name == "_")
        {
            return;
        }

        if (!_kinds.TryGetValue(name, out var known) || known == NameKind.Local)
        {
            _kinds[name] = kind;
        }
    }
}
