using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using MemKata.Analyzers.Allowlist;
using MemKata.Analyzers.Runner.Image;

namespace MemKata.Analyzers.Runner;

// What the learner's own types and methods are and do: their namespaces, layouts, flags, overrides, signatures, and each
// instruction of their bodies; then the attributes on everything.
public static partial class LearnerImageCheck
{
    private sealed partial class ImageReview
    {
        private void ReviewType(TypeDefinitionHandle handle)
        {
            var type = reader.GetTypeDefinition(handle);
            var (ns, path) = MetadataApiNames.Split(reader, handle);
            var typeName = (ns.Length == 0 ? "" : ns + ".") + string.Join(".", path);
            var isHelper = IsInHelpers(handle);
            if (path.Count > MetadataApiNames.MaxNesting)
            {
                Add("T:" + typeName, $"the type {typeName} is nested more than {MetadataApiNames.MaxNesting} levels deep, too deep to check");
                return;
            }

            if (MetadataTokens.GetRowNumber(handle) == 1 && type.GetMethods().Any(m => reader.GetString(reader.GetMethodDefinition(m).Name) == ".cctor"))
            {
                Add("<Module>..cctor", "the compiled code has a module initializer: code that runs when the assembly loads, before any test");
            }

            if (ReservedNamespaces.RootOf(ns) is { } root && !_embedded.Contains(typeName))
            {
                Add("T:" + typeName, $"the type {typeName} is declared in {root}'s namespace, which belongs to .NET or the grader");
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

                Decode(field.Signature, () => field.DecodeSignature(_names, null), "the field " + fieldName);
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
            else if ((method.ImplAttributes & (MethodImplAttributes.InternalCall | MethodImplAttributes.Unmanaged)) != 0
                     || implementation is MethodImplAttributes.Native or MethodImplAttributes.OPTIL
                     || (implementation is MethodImplAttributes.Runtime && !IsDelegate(type)))
            {
                Add("M:" + where, $"the method {where} is implemented outside the assembly (extern)");
            }
            else if (method.RelativeVirtualAddress == 0 && (method.Attributes & MethodAttributes.Abstract) == 0
                     && implementation is not MethodImplAttributes.Runtime)
            {
                Add("M:" + where, $"the method {where} has no body (extern)");
            }

            if ((method.ImplAttributes & MethodImplAttributes.Synchronized) != 0)
            {
                Add("M:" + where, $"the method {where} is synchronized (a lock): the simulation is single-threaded");
            }

            if (name == "Finalize" && (method.Attributes & MethodAttributes.Virtual) != 0 && method.GetParameters().Count == 0)
            {
                Add("M:" + where, $"the type {typeName} has a finalizer: code the garbage collector runs outside any test");
            }

            ReviewOverride(method, type, name, where);
            Decode(method.Signature, () => method.DecodeSignature(_names, null).ReturnType, "the method " + where);
            if (method.RelativeVirtualAddress == 0)
            {
                return;
            }

            var body = pe.GetMethodBody(method.RelativeVirtualAddress);
            var byAddressLocals = new HashSet<int>();
            if (!body.LocalSignature.IsNil)
            {
                var locals = reader.GetStandaloneSignature(body.LocalSignature);
                var types = System.Collections.Immutable.ImmutableArray<string>.Empty;
                Decode(locals.Signature, () => string.Join(",", types = locals.DecodeLocalSignature(_names, null)), "the locals of " + where,
                    byAddressAllowed: int.MaxValue);
                for (var i = 0; i < types.Length; i++)
                {
                    if (_names.ByAddressTypes.Contains(types[i]))
                    {
                        byAddressLocals.Add(i);
                    }
                }

                if (_names.ByAddressUses > byAddressLocals.Count)
                {
                    Add("by-address: locals of " + where, $"the locals of {where} hold a {string.Join(" or ", _names.ByAddressTypes)} "
                        + "inside another type, where only the compiler's own uncopied locals may");
                }
            }

            var code = InstructionScanner.Scan(body);
            for (var i = 0; i < code.Count; i++)
            {
                ReviewInstruction(code, i, where, name, typeName, isHelper, byAddressLocals, type);
            }
        }

        /// <summary>A virtual method that overrides one of a library type (the first base outside the learner's assembly,
        /// unless one of the learner's own bases declares the member) is a use of that member: what the grader calls on
        /// the object runs the learner's code instead (an exception's <c>StackTrace</c>). It must be allowed, and not
        /// denied on <c>System.Exception</c> (for exception types) or <c>System.Object</c>, where the list's denies of
        /// inherited members are written.</summary>
        private void ReviewOverride(MethodDefinition method, TypeDefinition type, string name, string where)
        {
            if ((method.Attributes & (MethodAttributes.Virtual | MethodAttributes.NewSlot)) != MethodAttributes.Virtual || name == "Finalize")
            {
                return;
            }

            var signature = reader.GetBlobContent(method.Signature);
            var current = type;
            for (var depth = 0; depth < 64; depth++)
            {
                var baseType = current.BaseType;
                if (baseType.IsNil)
                {
                    return;
                }

                if (baseType.Kind == HandleKind.TypeDefinition)
                {
                    current = reader.GetTypeDefinition((TypeDefinitionHandle)baseType);
                    if (current.GetMethods().Select(reader.GetMethodDefinition)
                        .Any(m => reader.GetString(m.Name) == name && reader.GetBlobContent(m.Signature).SequenceEqual(signature)))
                    {
                        return;
                    }

                    continue;
                }

                if (MetadataApiNames.ParentType(reader, baseType) is not { } external)
                {
                    return;
                }

                _names.Forbidden = null;
                var api = MetadataApiNames.Member(external, name, method.Signature, _names);
                var inherited = new[] { "System.Object" }.Concat(api.TypeId.EndsWith("Exception", StringComparison.Ordinal) ? ["System.Exception"] : [])
                    .Select(root => MetadataApiNames.Member((root[..root.LastIndexOf('.')], [root[(root.LastIndexOf('.') + 1)..]], false), name,
                        method.Signature, _names));
                if (allowlist.ImageScopes(api).Count == 0 || inherited.Any(allowlist.IsDenied))
                {
                    Add(api.DocumentationId, $"the method {where} overrides {api.DocumentationId}, which is not on the allowlist: "
                        + "the grader's own calls of it would run learner code");
                }

                return;
            }
        }

        private void ReviewInstruction(IReadOnlyList<Instruction> code, int index, string where, string methodName, string typeName,
            bool isHelper, HashSet<int> byAddressLocals, TypeDefinition type)
        {
            var instruction = code[index];
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

            if (CopiesByAddressValue(instruction, byAddressLocals))
            {
                Add("by-address: " + where, $"the method {where} copies a {string.Join(" or ", _names.ByAddressTypes)}, which hands "
                    + "its pooled buffer back twice; only the compiler's own interpolation may use one");
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

            string? receiverProblem = null;
            var allowedHere = restricted.Scopes.Any(scope => scope switch
            {
                ImageScope.Helpers => isHelper,
                ImageScope.Iterators => typeName.Contains(">d__", StringComparison.Ordinal),
                ImageScope.Records => methodName == "get_EqualityContract" && IsRecord(type),
                ImageScope.Data => IsHelperField(instruction.Previous) || IsHelperField(instruction.BeforePrevious),
                ImageScope.Collections => typeName.StartsWith("<>z__ReadOnly", StringComparison.Ordinal),
                ImageScope.Receiver => (receiverProblem = ReceiverProblem(code, index, ReceiverType((MemberReferenceHandle)token))) is null,
                _ => false,
            });
            if (!allowedHere)
            {
                Add(restricted.Name.DocumentationId, receiverProblem is null
                    ? $"the method {where} uses {restricted.Name.DocumentationId}, which only the compiler's own helpers may use"
                    : $"the method {where} uses {restricted.Name.DocumentationId} other than as the receiver of an allowed call: {receiverProblem}");
            }
        }

        /// <summary>What happens to the value of a receiver-only member pushed at <paramref name="start"/> other than
        /// becoming the receiver of an allowed call (<see cref="ReceiverUse"/>), following it through the locals the
        /// compiler spilled it into: every load of such a local must be a receiver use too, and none may be addressed.</summary>
        private string? ReceiverProblem(IReadOnlyList<Instruction> code, int start, string receiverType)
        {
            var spills = new HashSet<int>();
            if (ReceiverUse.Problem(code, start, receiverType, CallTargetOf, spills) is { } problem)
            {
                return problem;
            }

            var checkedLocals = new HashSet<int>();
            while (spills.Except(checkedLocals).FirstOrDefault(-1) is var local and >= 0)
            {
                checkedLocals.Add(local);
                for (var i = 0; i < code.Count; i++)
                {
                    if (ReceiverUse.IsAddress(code[i], local))
                    {
                        return $"the local it is kept in has its address taken ({code[i].Emit.Name})";
                    }

                    if (ReceiverUse.IsLoad(code[i], local) && ReceiverUse.Problem(code, i, receiverType, CallTargetOf, spills) is { } again)
                    {
                        return "once loaded from the local it is kept in, " + again;
                    }
                }
            }

            return null;
        }

        /// <summary>A by-value load or store of a by-address local, or a by-value copy of a by-address type through its
        /// address (<c>ldobj</c>, <c>stobj</c>, <c>cpobj</c>).</summary>
        private bool CopiesByAddressValue(Instruction instruction, HashSet<int> byAddressLocals) => instruction.OpCode switch
        {
            ILOpCode.Ldloc or ILOpCode.Ldloc_s or ILOpCode.Ldloc_0 or ILOpCode.Ldloc_1 or ILOpCode.Ldloc_2 or ILOpCode.Ldloc_3
                or ILOpCode.Stloc or ILOpCode.Stloc_s or ILOpCode.Stloc_0 or ILOpCode.Stloc_1 or ILOpCode.Stloc_2 or ILOpCode.Stloc_3
                => byAddressLocals.Contains(instruction.Operand),
            ILOpCode.Ldobj or ILOpCode.Stobj or ILOpCode.Cpobj => instruction.Token.Kind == HandleKind.TypeReference
                && _names.ByAddressTypes.Contains(MetadataApiNames.FullName(reader, (TypeReferenceHandle)instruction.Token)),
            _ => false,
        };

        /// <summary>The type of the value a receiver-only member hands out (its getter's return type, or its field type).</summary>
        private string ReceiverType(MemberReferenceHandle handle)
        {
            var member = reader.GetMemberReference(handle);
            return member.GetKind() == MemberReferenceKind.Field
                ? member.DecodeFieldSignature(_names, null)
                : member.DecodeMethodSignature(_names, null).ReturnType;
        }

        /// <summary>What a call instruction calls, for <see cref="ReceiverUse"/>: its stack effect, its declaring type, and
        /// whether learner code may call it anywhere.</summary>
        private CallTarget? CallTargetOf(Instruction instruction)
        {
            var token = instruction.Token;
            if (token.Kind == HandleKind.MethodSpecification)
            {
                token = reader.GetMethodSpecification((MethodSpecificationHandle)token).Method;
            }

            var (signature, declaring, allowed) = token.Kind switch
            {
                HandleKind.MemberReference => MemberTarget((MemberReferenceHandle)token),
                HandleKind.MethodDefinition => (reader.GetMethodDefinition((MethodDefinitionHandle)token).Signature, null, false),
                _ => (default(BlobHandle), null, false),
            };
            if (signature.IsNil)
            {
                return null;
            }

            var blob = reader.GetBlobReader(signature);
            var header = blob.ReadSignatureHeader();
            if (header.IsGeneric)
            {
                blob.ReadCompressedInteger();
            }

            var parameters = blob.ReadCompressedInteger();
            var returnType = blob.ReadSignatureTypeCode();
            while (returnType is SignatureTypeCode.RequiredModifier or SignatureTypeCode.OptionalModifier)
            {
                blob.ReadTypeHandle();
                returnType = blob.ReadSignatureTypeCode();
            }

            return new CallTarget(parameters, header.IsInstance, returnType != SignatureTypeCode.Void, declaring, allowed);
        }

        private (BlobHandle Signature, string? Declaring, bool Allowed) MemberTarget(MemberReferenceHandle handle)
        {
            var member = reader.GetMemberReference(handle);
            if (MetadataApiNames.ParentType(reader, member.Parent) is not { } parent || parent.IsOwn)
            {
                return (member.Signature, null, false);
            }

            _names.Forbidden = null;
            var api = MetadataApiNames.Member(parent, reader.GetString(member.Name), member.Signature, _names);
            return (member.Signature, api.TypeId, allowlist.ImageScopes(api).Contains(ImageScope.Anywhere));
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

        private bool IsInHelpers(TypeDefinitionHandle handle)
        {
            var current = handle;
            for (var depth = 0; depth <= MetadataApiNames.MaxNesting && !reader.GetTypeDefinition(current).GetDeclaringType().IsNil; depth++)
            {
                current = reader.GetTypeDefinition(current).GetDeclaringType();
            }

            var type = reader.GetTypeDefinition(current);
            return type.Namespace.IsNil && reader.GetString(type.Name).StartsWith(HelpersType, StringComparison.Ordinal);
        }

        private bool IsHelperField(EntityHandle token) =>
            token.Kind == HandleKind.FieldDefinition
            && IsInHelpers(reader.GetFieldDefinition((FieldDefinitionHandle)token).GetDeclaringType());

        private bool IsDelegate(TypeDefinition type) =>
            type.BaseType.Kind == HandleKind.TypeReference
            && MetadataApiNames.FullName(reader, (TypeReferenceHandle)type.BaseType) == "System.MulticastDelegate";

        /// <summary>A record class: the compiler gives it a <c>&lt;Clone&gt;$</c> method, a name no source can write.</summary>
        private bool IsRecord(TypeDefinition type) =>
            type.GetMethods().Any(m => reader.GetString(reader.GetMethodDefinition(m).Name) == "<Clone>$");
    }
}
