using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace MemKata.Analyzers.Runner.Image;

/// <summary>One instruction of a method body that the image check looks at: its opcode, its metadata token (if its
/// operand is one), and the tokens of the two instructions before it (how the compiler's constant data reaches
/// <c>RuntimeHelpers.InitializeArray</c> and the span constructors).</summary>
internal readonly record struct Instruction(ILOpCode OpCode, EntityHandle Token, EntityHandle Previous, EntityHandle BeforePrevious);

/// <summary>Walks the IL of a method body instruction by instruction, never running it. Operand sizes come from
/// <see cref="OpCodes"/>, so every opcode the runtime knows is stepped over correctly; an unknown opcode ends the walk
/// with <see cref="BadImageFormatException"/>.</summary>
internal static class InstructionScanner
{
    private static readonly Dictionary<short, OperandType> _operands = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value, code => code.OperandType);

    /// <summary>Every instruction of <paramref name="body"/>, in order.</summary>
    public static IEnumerable<Instruction> Scan(MethodBodyBlock body)
    {
        var il = body.GetILReader();
        var previous = default(EntityHandle);
        var beforePrevious = default(EntityHandle);
        while (il.RemainingBytes > 0)
        {
            int value = il.ReadByte();
            if (value == 0xFE)
            {
                value = unchecked((short)(0xFE00 | il.ReadByte()));
            }

            if (!_operands.TryGetValue((short)value, out var operand))
            {
                throw new BadImageFormatException($"unknown IL opcode 0x{value & 0xFFFF:X} at offset {il.Offset}");
            }

            var token = default(EntityHandle);
            switch (operand)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    il.ReadByte();
                    break;
                case OperandType.InlineVar:
                    il.ReadUInt16();
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    il.ReadInt64();
                    break;
                case OperandType.InlineSwitch:
                    var targets = il.ReadInt32();
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

            yield return new Instruction((ILOpCode)(ushort)(short)value, token, previous, beforePrevious);
            beforePrevious = previous;
            previous = token;
        }
    }
}
