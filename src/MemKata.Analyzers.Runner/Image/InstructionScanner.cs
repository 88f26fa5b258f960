using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace MemKata.Analyzers.Runner.Image;

/// <summary>One instruction of a method body that the image check looks at: where it is, its opcode, its metadata token
/// (if its operand is one), its other operand (a local's or argument's index, a branch's target offset; -1 if none), and
/// the tokens of the two instructions before it (how the compiler's constant data reaches
/// <c>RuntimeHelpers.InitializeArray</c> and the span constructors).</summary>
internal readonly record struct Instruction(int Offset, ILOpCode OpCode, EntityHandle Token, int Operand, EntityHandle Previous,
    EntityHandle BeforePrevious)
{
    /// <summary>The opcode as <see cref="System.Reflection.Emit"/> describes it (stack behaviour, flow control).</summary>
    public OpCode Emit => InstructionScanner.Describe(OpCode);
}

/// <summary>Walks the IL of a method body instruction by instruction, never running it. Operand sizes come from
/// <see cref="OpCodes"/>, so every opcode the runtime knows is stepped over correctly; an unknown opcode ends the walk
/// with <see cref="BadImageFormatException"/>.</summary>
internal static class InstructionScanner
{
    private static readonly Dictionary<short, OpCode> _opcodes = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value);

    /// <summary>The <see cref="OpCode"/> of <paramref name="code"/>.</summary>
    public static OpCode Describe(ILOpCode code) => _opcodes[unchecked((short)(ushort)code)];

    /// <summary>Every instruction of <paramref name="body"/>, in order.</summary>
    public static IReadOnlyList<Instruction> Scan(MethodBodyBlock body)
    {
        var il = body.GetILReader();
        var instructions = new List<Instruction>();
        var previous = default(EntityHandle);
        var beforePrevious = default(EntityHandle);
        while (il.RemainingBytes > 0)
        {
            var offset = il.Offset;
            int value = il.ReadByte();
            if (value == 0xFE)
            {
                value = unchecked((short)(0xFE00 | il.ReadByte()));
            }

            if (!_opcodes.TryGetValue((short)value, out var opcode))
            {
                throw new BadImageFormatException($"unknown IL opcode 0x{value & 0xFFFF:X} at offset {offset}");
            }

            var token = default(EntityHandle);
            var operand = -1;
            switch (opcode.OperandType)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineVar:
                    operand = il.ReadByte();
                    break;
                case OperandType.ShortInlineI:
                    il.ReadByte();
                    break;
                case OperandType.ShortInlineBrTarget:
                    var shortDelta = il.ReadSByte();
                    operand = il.Offset + shortDelta;
                    break;
                case OperandType.InlineBrTarget:
                    var delta = il.ReadInt32();
                    operand = il.Offset + delta;
                    break;
                case OperandType.InlineVar:
                    operand = il.ReadUInt16();
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    il.ReadInt64();
                    break;
                case OperandType.InlineSwitch:
                    var targets = il.ReadInt32();
                    if (targets < 0 || targets > il.RemainingBytes / 4)
                    {
                        throw new BadImageFormatException($"a switch with {targets} targets at offset {offset}");
                    }

                    for (var i = 0; i < targets; i++)
                    {
                        il.ReadInt32();
                    }

                    break;
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType
                    or OperandType.InlineSig:
                    var raw = il.ReadInt32();
                    token = (raw >> 24) is 0x70 ? default : MetadataTokens.EntityHandle(raw);
                    break;
                default:
                    il.ReadInt32();
                    break;
            }

            operand = ImplicitOperand(opcode, operand);
            instructions.Add(new Instruction(offset, (ILOpCode)(ushort)opcode.Value, token, operand, previous, beforePrevious));
            beforePrevious = previous;
            previous = token;
        }

        return instructions;
    }

    /// <summary>The local or argument index that the short forms (<c>ldloc.2</c>, <c>stloc.0</c>, <c>ldarg.1</c>) carry in
    /// their opcode.</summary>
    private static int ImplicitOperand(OpCode opcode, int operand) => (ILOpCode)(ushort)opcode.Value switch
    {
        ILOpCode.Ldloc_0 or ILOpCode.Stloc_0 or ILOpCode.Ldarg_0 => 0,
        ILOpCode.Ldloc_1 or ILOpCode.Stloc_1 or ILOpCode.Ldarg_1 => 1,
        ILOpCode.Ldloc_2 or ILOpCode.Stloc_2 or ILOpCode.Ldarg_2 => 2,
        ILOpCode.Ldloc_3 or ILOpCode.Stloc_3 or ILOpCode.Ldarg_3 => 3,
        _ => operand,
    };
}
