using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace MemKata.Analyzers.Runner.Image;

/// <summary>
/// Spells the types of a metadata signature as documentation-comment IDs spell them (what the allowlist and Roslyn's
/// <c>GetDocumentationCommentId</c> write): <c>System.Int32</c>, <c>System.Collections.Generic.List{``0}</c>,
/// <c>System.Int32[]</c>, <c>System.Char@</c>, <c>System.Void*</c>. It notes on the way what the image check forbids in any
/// signature: pointers, function pointers, typed references and pinned locals, and how many times it named a
/// <c>by-address</c> type (<see cref="ByAddressTypes"/>).
/// </summary>
internal sealed class DocumentationIdProvider(MetadataReader reader, IReadOnlyCollection<string> byAddressTypes) : ISignatureTypeProvider<string, object?>
{
    /// <summary>What a decoded signature held that the image check forbids, if anything: "a pointer", "a function
    /// pointer", "a typed reference", "a pinned local". Reset it before decoding.</summary>
    public string? Forbidden { get; set; }

    /// <summary>How many times the signatures decoded since it was reset named one of <see cref="ByAddressTypes"/>.</summary>
    public int ByAddressUses { get; set; }

    /// <summary>The types that may only be the whole type of a local used through its address.</summary>
    public IReadOnlyCollection<string> ByAddressTypes => byAddressTypes;

    public string GetPrimitiveType(PrimitiveTypeCode typeCode)
    {
        if (typeCode == PrimitiveTypeCode.TypedReference)
        {
            Forbidden ??= "a typed reference (__makeref)";
        }

        return "System." + typeCode switch
        {
            PrimitiveTypeCode.IntPtr => "IntPtr",
            PrimitiveTypeCode.UIntPtr => "UIntPtr",
            _ => typeCode.ToString(),
        };
    }

    public string GetTypeFromDefinition(MetadataReader metadata, TypeDefinitionHandle handle, byte rawTypeKind) =>
        MetadataApiNames.FullName(metadata, handle);

    public string GetTypeFromReference(MetadataReader metadata, TypeReferenceHandle handle, byte rawTypeKind)
    {
        var name = MetadataApiNames.FullName(metadata, handle);
        if (byAddressTypes.Contains(name))
        {
            ByAddressUses++;
        }

        return name;
    }

    public string GetTypeFromSpecification(MetadataReader metadata, object? genericContext, TypeSpecificationHandle handle,
        byte rawTypeKind) => metadata.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public string GetSZArrayType(string elementType) => elementType + "[]";

    public string GetArrayType(string elementType, ArrayShape shape) =>
        elementType + "[" + string.Join(",", Enumerable.Range(0, shape.Rank).Select(_ => "0:")) + "]";

    public string GetByReferenceType(string elementType) => elementType + "@";

    public string GetPointerType(string elementType)
    {
        Forbidden ??= "a pointer";
        return elementType + "*";
    }

    public string GetFunctionPointerType(MethodSignature<string> signature)
    {
        Forbidden ??= "a function pointer";
        return "=FUNC:" + signature.ReturnType + "(" + string.Join(",", signature.ParameterTypes) + ")";
    }

    public string GetPinnedType(string elementType)
    {
        Forbidden ??= "a pinned local (fixed)";
        return elementType;
    }

    public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

    public string GetGenericMethodParameter(object? genericContext, int index) => "``" + index;

    public string GetGenericTypeParameter(object? genericContext, int index) => "`" + index;

    /// <summary><c>System.Collections.Generic.Dictionary`2.KeyCollection</c> with two arguments becomes
    /// <c>System.Collections.Generic.Dictionary{A,B}.KeyCollection</c>: each type segment takes as many arguments as its
    /// arity says.</summary>
    public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments)
    {
        var next = 0;
        var segments = genericType.Split('.').Select(segment =>
        {
            var tick = segment.IndexOf('`', StringComparison.Ordinal);
            if (tick < 0 || !int.TryParse(segment[(tick + 1)..], out var arity))
            {
                return segment;
            }

            var arguments = typeArguments.Skip(next).Take(arity);
            next += arity;
            return segment[..tick] + "{" + string.Join(",", arguments) + "}";
        });
        return string.Join(".", segments);
    }

    /// <summary>The parameter list as a documentation ID writes it after a method's name: empty for none, with
    /// <c>~ReturnType</c> after it for conversion operators.</summary>
    public static string Signature(MethodSignature<string> signature, string name) =>
        (signature.ParameterTypes.IsEmpty ? "" : "(" + string.Join(",", signature.ParameterTypes) + ")")
        + (name is "op_Implicit" or "op_Explicit" ? "~" + signature.ReturnType : "");

    /// <summary>The reader this provider decodes from.</summary>
    public MetadataReader Reader => reader;
}
