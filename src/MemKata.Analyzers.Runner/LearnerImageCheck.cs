using System.Collections.Immutable;
using System.Reflection;
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
/// What is checked: every AssemblyRef (only the allowed assemblies); every TypeRef; every MemberRef, with the generic
/// arguments of MethodSpecs and TypeSpecs (through their TypeRefs) and the places in the IL that use it (what the compiler
/// emits for allowed code, such as <c>Unsafe.As</c> inside its own <c>&lt;PrivateImplementationDetails&gt;</c> helpers, is
/// allowed only where the compiler puts it); assembly- and module-level attributes (only the compiler's own); P/Invoke
/// (ImplMap, ModuleRefs, <c>extern</c> and internal-call methods); pointers, function pointers, typed references and
/// pinned locals in any signature; explicit layouts, field offsets and marshalling; declarative security; a module
/// initializer (<c>&lt;Module&gt;..cctor</c>); finalizers (<c>Finalize</c> overrides); <c>localloc</c>, <c>calli</c>,
/// <c>arglist</c> and the typed-reference opcodes. Dynamic call sites show as references to Microsoft.CSharp and
/// <c>CallSite</c>, which are not allowed.
/// </remarks>
public static class LearnerImageCheck
{
    private const string HelpersType = "<PrivateImplementationDetails>";

    /// <summary>Everything in <paramref name="image"/> (a compiled learner assembly) that the allowlist does not allow, in
    /// a stable order; empty if nothing. An image that cannot be read is one finding, never an exception.</summary>
    public static IReadOnlyList<ImageFinding> Check(byte[] image) => Check(image, ApiAllowlist.Default);

    /// <summary>As <see cref="Check(byte[])"/>, against another allowlist (tests).</summary>
    public static IReadOnlyList<ImageFinding> Check(byte[] image, ApiAllowlist allowlist)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(allowlist);
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

    /// <summary>One review of one image: the tables first, then every method body, then what was used where.</summary>
    private sealed class ImageReview(PEReader pe, MetadataReader reader, ApiAllowlist allowlist, SortedSet<ImageFinding> findings)
    {
        private readonly DocumentationIdProvider _names = new(reader);
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
                Decode(() => reader.GetTypeSpecification(handle).DecodeSignature(_names, null), "a type it uses");
            }

            foreach (var handle in Enumerable.Range(1, reader.GetTableRowCount(TableIndex.MethodSpec)).Select(MetadataTokens.MethodSpecificationHandle))
            {
                Decode(() => string.Join(",", reader.GetMethodSpecification(handle).DecodeSignature(_names, null)), "a generic method's type arguments");
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

            if (MetadataApiNames.ParentType(reader, member.Parent) is not { } parent)
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

        private void ReviewType(TypeDefinitionHandle handle)
        {
            var type = reader.GetTypeDefinition(handle);
            var typeName = MetadataApiNames.FullName(reader, handle);
            var isHelper = IsInHelpers(handle);
            if (MetadataTokens.GetRowNumber(handle) == 1 && type.GetMethods().Any(m => reader.GetString(reader.GetMethodDefinition(m).Name) == ".cctor"))
            {
                Add("<Module>..cctor", "the compiled code has a module initializer: code that runs when the assembly loads, before any test");
            }

            if (!isHelper && ((type.Attributes & TypeAttributes.ExplicitLayout) != 0 || !type.GetLayout().IsDefault))
            {
                Add("T:" + typeName, $"the type {typeName} sets its own memory layout (StructLayout)");
            }

            foreach (var fieldHandle in type.GetFields())
            {
                var field = reader.GetFieldDefinition(fieldHandle);
                var fieldName = typeName + "." + reader.GetString(field.Name);
                if (!isHelper && (field.GetOffset() >= 0 || field.GetRelativeVirtualAddress() != 0))
                {
                    Add("F:" + fieldName, $"the field {fieldName} sets its own offset or data (FieldOffset)");
                }

                if (!field.GetMarshallingDescriptor().IsNil)
                {
                    Add("F:" + fieldName, $"the field {fieldName} carries native marshalling (MarshalAs)");
                }

                Decode(() => field.DecodeSignature(_names, null), "the field " + fieldName);
            }

            foreach (var methodHandle in type.GetMethods())
            {
                ReviewMethod(methodHandle, type, typeName, isHelper);
            }
        }

        private void ReviewMethod(MethodDefinitionHandle handle, TypeDefinition type, string typeName, bool isHelper)
        {
            var method = reader.GetMethodDefinition(handle);
            var name = reader.GetString(method.Name);
            var where = typeName + "." + name;
            var implementation = method.ImplAttributes & MethodImplAttributes.CodeTypeMask;
            if ((method.Attributes & MethodAttributes.PinvokeImpl) != 0 || !method.GetImport().Module.IsNil)
            {
                Add("M:" + where, $"the method {where} is a native function (DllImport)");
            }
            else if ((method.ImplAttributes & MethodImplAttributes.InternalCall) != 0 || implementation is MethodImplAttributes.Native
                     or MethodImplAttributes.OPTIL || (implementation is MethodImplAttributes.Runtime && !IsDelegate(type)))
            {
                Add("M:" + where, $"the method {where} is implemented outside the assembly (extern)");
            }
            else if (method.RelativeVirtualAddress == 0 && (method.Attributes & MethodAttributes.Abstract) == 0
                     && implementation is not MethodImplAttributes.Runtime)
            {
                Add("M:" + where, $"the method {where} has no body (extern)");
            }

            if (name == "Finalize" && (method.Attributes & MethodAttributes.Virtual) != 0 && method.GetParameters().Count == 0)
            {
                Add("M:" + where, $"the type {typeName} has a finalizer: code the garbage collector runs outside any test");
            }

            Decode(() => method.DecodeSignature(_names, null).ReturnType, "the method " + where);
            if (method.RelativeVirtualAddress == 0)
            {
                return;
            }

            var body = pe.GetMethodBody(method.RelativeVirtualAddress);
            if (!body.LocalSignature.IsNil)
            {
                Decode(() => string.Join(",", reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(_names, null)),
                    "the locals of " + where);
            }

            foreach (var instruction in InstructionScanner.Scan(body))
            {
                ReviewInstruction(instruction, where, name, typeName, isHelper);
            }
        }

        private void ReviewInstruction(Instruction instruction, string where, string methodName, string typeName, bool isHelper)
        {
            var forbidden = instruction.OpCode switch
            {
                ILOpCode.Localloc => "stackalloc (localloc)",
                ILOpCode.Calli => "a call through a function pointer (calli)",
                ILOpCode.Arglist => "__arglist",
                ILOpCode.Mkrefany or ILOpCode.Refanyval or ILOpCode.Refanytype => "a typed reference (__makeref)",
                ILOpCode.Cpblk or ILOpCode.Initblk => "a raw memory block operation",
                _ => null,
            };
            if (forbidden is not null)
            {
                Add(instruction.OpCode.ToString().ToLowerInvariant(), $"the method {where} uses {forbidden}");
            }

            var token = instruction.Token;
            if (token.Kind == HandleKind.MethodSpecification)
            {
                token = reader.GetMethodSpecification((MethodSpecificationHandle)token).Method;
            }

            if (token.Kind != HandleKind.MemberReference || !_restricted.TryGetValue((MemberReferenceHandle)token, out var restricted))
            {
                return;
            }

            var allowedHere = restricted.Scopes.Any(scope => scope switch
            {
                ImageScope.Helpers => isHelper,
                ImageScope.Iterators => typeName.Contains(">d__", StringComparison.Ordinal),
                ImageScope.Records => methodName == "get_EqualityContract",
                ImageScope.Data => IsHelperField(instruction.Previous) || IsHelperField(instruction.BeforePrevious),
                _ => false,
            });
            if (!allowedHere)
            {
                Add(restricted.Name.DocumentationId,
                    $"the method {where} uses {restricted.Name.DocumentationId}, which only the compiler's own helpers may use");
            }
        }

        private void ReviewAttributes()
        {
            foreach (var handle in reader.CustomAttributes)
            {
                var attribute = reader.GetCustomAttribute(handle);
                var onAssembly = attribute.Parent.Kind is HandleKind.AssemblyDefinition or HandleKind.ModuleDefinition;
                var onInlineArray = attribute.Parent.Kind == HandleKind.TypeDefinition
                    && reader.GetString(reader.GetTypeDefinition((TypeDefinitionHandle)attribute.Parent).Name).StartsWith("<>y__InlineArray", StringComparison.Ordinal);
                var constructor = AttributeConstructor(attribute.Constructor);
                if (constructor is null)
                {
                    continue;
                }

                var scopes = allowlist.ImageScopes(constructor.Value.Name);
                var allowed = onAssembly ? scopes.Contains(ImageScope.Assembly)
                    : constructor.Value.IsOwn || scopes.Contains(ImageScope.Anywhere) || (onInlineArray && scopes.Contains(ImageScope.InlineArrays));
                if (!allowed)
                {
                    var what = constructor.Value.Name.TypeId;
                    Add("T:" + what, onAssembly
                        ? $"the compiled code puts the attribute {what} on the whole assembly, which only the compiler may do"
                        : $"the compiled code uses the attribute {what}, which is not on the allowlist");
                }
            }
        }

        private (ApiName Name, bool IsOwn)? AttributeConstructor(EntityHandle constructor)
        {
            _names.Forbidden = null;
            if (constructor.Kind == HandleKind.MemberReference)
            {
                var member = reader.GetMemberReference((MemberReferenceHandle)constructor);
                return MetadataApiNames.ParentType(reader, member.Parent) is { } parent
                    ? (MetadataApiNames.Member(parent, ".ctor", member.Signature, _names), parent.IsOwn)
                    : null;
            }

            var method = reader.GetMethodDefinition((MethodDefinitionHandle)constructor);
            var (ns, path) = MetadataApiNames.Split(reader, method.GetDeclaringType());
            return (MetadataApiNames.Member((ns, path, true), ".ctor", method.Signature, _names), true);
        }

        /// <summary>Decodes a signature and reports what it held that no signature may (a pointer...).</summary>
        private void Decode(Func<string> decode, string what)
        {
            _names.Forbidden = null;
            var spelled = decode();
            if (_names.Forbidden is { } forbidden)
            {
                Add(forbidden + ": " + spelled, $"{what} uses {forbidden}");
            }
        }

        private bool IsInHelpers(TypeDefinitionHandle handle)
        {
            for (var current = handle; !current.IsNil; current = reader.GetTypeDefinition(current).GetDeclaringType())
            {
                var type = reader.GetTypeDefinition(current);
                if (type.GetDeclaringType().IsNil)
                {
                    return type.Namespace.IsNil && reader.GetString(type.Name).StartsWith(HelpersType, StringComparison.Ordinal);
                }
            }

            return false;
        }

        private bool IsHelperField(EntityHandle token) =>
            token.Kind == HandleKind.FieldDefinition
            && IsInHelpers(reader.GetFieldDefinition((FieldDefinitionHandle)token).GetDeclaringType());

        private bool IsDelegate(TypeDefinition type) =>
            type.BaseType.Kind == HandleKind.TypeReference
            && MetadataApiNames.FullName(reader, (TypeReferenceHandle)type.BaseType) == "System.MulticastDelegate";

        private void Add(string symbol, string message) => findings.Add(new ImageFinding(symbol, message));
    }
}
