using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using MemKata.Analyzers.Allowlist;

namespace MemKata.Analyzers.Runner.Image;

/// <summary>Names types and members of a learner image as the allowlist does (<see cref="ApiName"/>), from metadata
/// alone: TypeRefs through their resolution scopes (nested types), MemberRefs through their parents (a TypeRef, or the
/// generic type a TypeSpec instantiates) and their decoded signatures.</summary>
internal static class MetadataApiNames
{
    /// <summary>The namespace and type path of a TypeRef, outermost type first (walked in a loop: nesting has no
    /// depth limit in metadata).</summary>
    public static (string Namespace, List<string> Path) Split(MetadataReader reader, TypeReferenceHandle handle)
    {
        var path = new List<string>();
        var type = reader.GetTypeReference(handle);
        while (true)
        {
            path.Insert(0, reader.GetString(type.Name));
            if (type.ResolutionScope.Kind != HandleKind.TypeReference || path.Count > MaxNesting)
            {
                return (reader.GetString(type.Namespace), path);
            }

            type = reader.GetTypeReference((TypeReferenceHandle)type.ResolutionScope);
        }
    }

    /// <summary>The namespace and type path of a TypeDef, outermost type first.</summary>
    public static (string Namespace, List<string> Path) Split(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var path = new List<string>();
        var type = reader.GetTypeDefinition(handle);
        while (true)
        {
            path.Insert(0, reader.GetString(type.Name));
            var outer = type.GetDeclaringType();
            if (outer.IsNil || path.Count > MaxNesting)
            {
                return (reader.GetString(type.Namespace), path);
            }

            type = reader.GetTypeDefinition(outer);
        }
    }

    /// <summary>How deeply nested a type's name is followed: a deeper one is named by its innermost levels (the image
    /// check refuses such an image, <c>LearnerImageCheck.MaxNesting</c>, before it names anything).</summary>
    public const int MaxNesting = 64;

    /// <summary>The type's documentation-ID spelling without kind: <c>System.Collections.Generic.List`1.Enumerator</c>.</summary>
    public static string FullName(MetadataReader reader, TypeReferenceHandle handle) => Join(Split(reader, handle));

    /// <summary>As for a TypeRef.</summary>
    public static string FullName(MetadataReader reader, TypeDefinitionHandle handle) => Join(Split(reader, handle));

    /// <summary>A TypeRef as the allowlist names it.</summary>
    public static ApiName Of(MetadataReader reader, TypeReferenceHandle handle)
    {
        var (ns, path) = Split(reader, handle);
        return new ApiName(ns, path);
    }

    /// <summary>The type a member's parent names: a TypeRef or TypeDef, or the generic type a TypeSpec instantiates;
    /// null for any other parent (an array type's accessors, a method, a module).</summary>
    public static (string Namespace, List<string> Path, bool IsOwn)? ParentType(MetadataReader reader, EntityHandle parent)
    {
        switch (parent.Kind)
        {
            case HandleKind.TypeReference:
                var (ns, path) = Split(reader, (TypeReferenceHandle)parent);
                return (ns, path, false);
            case HandleKind.TypeDefinition:
                var (ownNs, ownPath) = Split(reader, (TypeDefinitionHandle)parent);
                return (ownNs, ownPath, true);
            case HandleKind.TypeSpecification:
                var blob = reader.GetBlobReader(reader.GetTypeSpecification((TypeSpecificationHandle)parent).Signature);
                if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance)
                {
                    return null;
                }

                blob.ReadSignatureTypeCode();
                return ParentType(reader, blob.ReadTypeHandle());
            default:
                return null;
        }
    }

    /// <summary>A member (of a TypeRef, TypeDef or TypeSpec parent) as the allowlist names it, with its signature as
    /// decoded; <paramref name="provider"/>'s <see cref="DocumentationIdProvider.Forbidden"/> tells what the signature
    /// held.</summary>
    public static ApiName Member((string Namespace, List<string> Path, bool IsOwn) parent, string name, BlobHandle signature,
        DocumentationIdProvider provider)
    {
        var reader = provider.Reader;
        var blob = reader.GetBlobReader(signature);
        var header = blob.ReadSignatureHeader();
        var docName = name.Replace('.', '#');
        blob.Reset();
        if (header.Kind == SignatureKind.Field)
        {
            new SignatureDecoder<string, object?>(provider, reader, null).DecodeFieldSignature(ref blob);
            return new ApiName('F', parent.Namespace, parent.Path, docName, 0, "");
        }

        var method = new SignatureDecoder<string, object?>(provider, reader, null).DecodeMethodSignature(ref blob);
        return new ApiName('M', parent.Namespace, parent.Path, docName, method.GenericParameterCount,
            DocumentationIdProvider.Signature(method, name));
    }

    private static string Join((string Namespace, List<string> Path) name) =>
        (name.Namespace.Length == 0 ? "" : name.Namespace + ".") + string.Join(".", name.Path);
}
