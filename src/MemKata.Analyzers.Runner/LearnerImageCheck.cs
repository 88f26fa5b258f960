using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using MemKata.Analyzers.Allowlist;
using MemKata.Analyzers.Runner.Image;

namespace MemKata.Analyzers.Runner;

/// <summary>
/// The second, independent layer of the allowlist: reads a learner's compiled assembly with System.Reflection.Metadata,
/// never loading or running it, and checks what it references against the same list the analyzer uses
/// (<see cref="ApiAllowlist"/>), by another mechanism: the metadata the compiler emitted, not the source. A gap in the
/// analyzer (a spelling it missed, a call the compiler adds) is caught here.
/// </summary>
/// <remarks>
/// <para>What is checked: every AssemblyRef (only the allowed assemblies); every TypeRef; every MemberRef, with the generic
/// arguments of MethodSpecs and TypeSpecs (through their TypeRefs) and the places in the IL that use it (what the compiler
/// emits for allowed code, such as <c>Unsafe.As</c> inside its own <c>&lt;PrivateImplementationDetails&gt;</c> helpers, is
/// allowed only where the compiler puts it; a <c>receiver</c> entry's value only as the receiver of an allowed call);
/// assembly- and module-level attributes (only the compiler's own); exported types, files and resources (none);
/// P/Invoke (ImplMap, ModuleRefs, <c>extern</c> and internal-call methods); pointers, function pointers, typed references
/// and pinned locals in any signature; <c>by-address</c> types (the interpolation handler) outside uncopied locals;
/// explicit layouts, field offsets and marshalling; declarative security; synchronized methods; a module initializer
/// (<c>&lt;Module&gt;..cctor</c>); finalizers and other overrides of members the list denies; types declared in the
/// framework's or the grader's namespaces; <c>localloc</c>, <c>calli</c>, <c>arglist</c> and the typed-reference opcodes.
/// Dynamic call sites show as references to Microsoft.CSharp and <c>CallSite</c>, which are not allowed.</para>
/// <para>It is bounded, since it runs in the grader: an image larger than <see cref="MaxImageBytes"/>, a signature larger
/// than <see cref="MaxSignatureBytes"/> or a type nested deeper than <see cref="MetadataApiNames.MaxNesting"/> is refused
/// (one finding) rather than read.</para>
/// </remarks>
public static partial class LearnerImageCheck
{
    /// <summary>The largest image the check reads (4 MiB; an honest submission compiles to well under 100 KiB).</summary>
    public const int MaxImageBytes = 4 << 20;

    /// <summary>The largest signature blob the check decodes (an honest one is under 100 bytes); a larger one is
    /// refused, which bounds both the work and the nesting depth of any type it names.</summary>
    public const int MaxSignatureBytes = 2048;

    private const string HelpersType = "<PrivateImplementationDetails>";

    /// <summary>Everything in <paramref name="image"/> (a compiled learner assembly) that the allowlist does not allow, in
    /// a stable order; empty if nothing. An image that cannot be read is one finding, never an exception.</summary>
    public static IReadOnlyList<ImageFinding> Check(byte[] image) => Check(image, ApiAllowlist.Default);

    /// <summary>As <see cref="Check(byte[])"/>, against another allowlist (tests).</summary>
    public static IReadOnlyList<ImageFinding> Check(byte[] image, ApiAllowlist allowlist)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(allowlist);
        if (image.Length > MaxImageBytes)
        {
            return [new ImageFinding("image", $"the compiled code is {image.Length / (1 << 20)} MiB, more than the {MaxImageBytes >> 20} MiB "
                + "a submission may compile to (a huge constant or generated code?)")];
        }

        var findings = new SortedSet<ImageFinding>(Comparer<ImageFinding>.Create((a, b) =>
            string.CompareOrdinal(a.Symbol + "\n" + a.Message, b.Symbol + "\n" + b.Message)));
        try
        {
            using var pe = new PEReader(ImmutableArray.Create(image));
            if (!pe.HasMetadata)
            {
                return [new ImageFinding("image", "the compiled code is not a .NET assembly")];
            }

            new ImageReview(pe, pe.GetMetadataReader(), allowlist, findings).Run();
        }
        catch (BadImageFormatException e)
        {
            findings.Add(new ImageFinding("image", "the compiled code could not be read: " + e.Message));
        }

        return [.. findings];
    }

    /// <summary>One review of one image: the tables first, then every type and method body, then the attributes.</summary>
    private sealed partial class ImageReview(PEReader pe, MetadataReader reader, ApiAllowlist allowlist, SortedSet<ImageFinding> findings)
    {
        private readonly DocumentationIdProvider _names = new(reader, allowlist.ImageTypes(ImageScope.ByAddress));
        private readonly IReadOnlyCollection<string> _embedded = allowlist.ImageTypes(ImageScope.Embedded);
        private readonly Dictionary<MemberReferenceHandle, (ApiName Name, IReadOnlyList<ImageScope> Scopes)> _restricted = [];

        public void Run()
        {
            foreach (var handle in reader.AssemblyReferences)
            {
                var name = reader.GetString(reader.GetAssemblyReference(handle).Name);
                if (!allowlist.Assemblies.Contains(name))
                {
                    Add("assembly " + name, $"the compiled code references the assembly {name}, which learner code may not use");
                }
            }

            if (reader.GetTableRowCount(TableIndex.ModuleRef) > 0)
            {
                Add("moduleref", "the compiled code imports a native library (P/Invoke)");
            }

            if (reader.ExportedTypes.Count > 0 || reader.AssemblyFiles.Count > 0 || reader.ManifestResources.Count > 0)
            {
                Add("manifest", "the compiled code forwards types to another assembly or carries files or resources");
            }

            foreach (var handle in reader.TypeReferences)
            {
                var name = MetadataApiNames.Of(reader, handle);
                if (!allowlist.IsReferenceable(name))
                {
                    Add(name.DocumentationId, $"the compiled code uses {name.DocumentationId}, which is not on the allowlist");
                }
            }

            foreach (var handle in Enumerable.Range(1, reader.GetTableRowCount(TableIndex.TypeSpec)).Select(MetadataTokens.TypeSpecificationHandle))
            {
                var signature = reader.GetTypeSpecification(handle).Signature;
                Decode(signature, () => reader.GetTypeSpecification(handle).DecodeSignature(_names, null), "a type it uses");
            }

            foreach (var handle in Enumerable.Range(1, reader.GetTableRowCount(TableIndex.MethodSpec)).Select(MetadataTokens.MethodSpecificationHandle))
            {
                var signature = reader.GetMethodSpecification(handle).Signature;
                Decode(signature, () => string.Join(",", reader.GetMethodSpecification(handle).DecodeSignature(_names, null)),
                    "a generic method's type arguments");
            }

            foreach (var handle in reader.MemberReferences)
            {
                ReviewMemberReference(handle);
            }

            foreach (var handle in reader.TypeDefinitions)
            {
                ReviewType(handle);
            }

            if (reader.DeclarativeSecurityAttributes.Count > 0)
            {
                Add("DeclSecurity", "the compiled code carries declarative security attributes");
            }

            ReviewAttributes();
        }

        private void ReviewMemberReference(MemberReferenceHandle handle)
        {
            var member = reader.GetMemberReference(handle);
            var name = reader.GetString(member.Name);
            switch (member.Parent.Kind)
            {
                case HandleKind.MethodDefinition:
                    Add("vararg " + name, "the compiled code makes a variable-argument call (__arglist)");
                    return;
                case HandleKind.ModuleReference:
                    Add("native " + name, "the compiled code calls a native function");
                    return;
            }

            if (MetadataApiNames.ParentType(reader, member.Parent) is not { } parent || !FitsTheLimit(member.Signature, "the member " + name))
            {
                // An array type's own accessors (int[,].Get): the runtime's, and safe.
                return;
            }

            _names.Forbidden = null;
            var api = MetadataApiNames.Member(parent, name, member.Signature, _names);
            if (parent.IsOwn)
            {
                return;
            }

            var scopes = allowlist.ImageScopes(api);
            if (scopes.Count == 0)
            {
                Add(api.DocumentationId, $"the compiled code uses {api.DocumentationId}, which is not on the allowlist");
            }
            else if (!scopes.Contains(ImageScope.Anywhere))
            {
                _restricted[handle] = (api, scopes);
            }
        }

        /// <summary>Decodes a signature and reports what it held that no signature may (a pointer...), or a by-address type
        /// used anywhere but as <paramref name="byAddressAllowed"/> whole locals.</summary>
        private void Decode(BlobHandle signature, Func<string> decode, string what, int byAddressAllowed = 0)
        {
            if (!FitsTheLimit(signature, what))
            {
                return;
            }

            _names.Forbidden = null;
            _names.ByAddressUses = 0;
            var spelled = decode();
            if (_names.Forbidden is { } forbidden)
            {
                Add(forbidden + ": " + spelled, $"{what} uses {forbidden}");
            }

            if (_names.ByAddressUses > byAddressAllowed)
            {
                Add("by-address: " + spelled, $"{what} holds a {string.Join(" or ", _names.ByAddressTypes)} where only the compiler's "
                    + "own uncopied locals may (copying one hands its pooled buffer back twice)");
            }
        }

        private bool FitsTheLimit(BlobHandle signature, string what)
        {
            if (reader.GetBlobReader(signature).Length <= MaxSignatureBytes)
            {
                return true;
            }

            Add("signature", $"{what} has a signature of more than {MaxSignatureBytes} bytes, too large to check");
            return false;
        }

        private void Add(string symbol, string message) => findings.Add(new ImageFinding(symbol, message));
    }
}
