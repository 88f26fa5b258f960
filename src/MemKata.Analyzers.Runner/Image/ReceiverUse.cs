using System.Reflection.Emit;
using System.Reflection.Metadata;

namespace MemKata.Analyzers.Runner.Image;

/// <summary>What the image check knows of a call instruction's target: how many values it pops and pushes, the type
/// that declares it (as a documentation ID without kind, null if the learner's own), and whether learner code may call
/// it anywhere.</summary>
internal readonly record struct CallTarget(int Parameters, bool HasThis, bool ReturnsValue, string? DeclaringType, bool Allowed);

/// <summary>
/// Follows a value that a <c>receiver</c> entry of the allowlist produces (<c>call Console::get_Error</c>) through the
/// instructions after it, simulating only the evaluation stack's depth, and says whether it is consumed as the receiver
/// (<c>this</c>) of a call to an allowed member of its own type (or of <c>System.Object</c>): what
/// <c>Console.Error.WriteLine(...)</c> compiles to, whatever the arguments compute in between. Anything else (stored,
/// duplicated, passed as an argument, converted, returned, thrown, left behind) is a use the allowlist does not allow.
/// </summary>
/// <remarks>Conditional branches are followed on their fall-through path and unconditional ones to their target: the
/// arguments of one call converge on that call whichever way a <c>?:</c> or a <c>switch</c> goes, and the value stays
/// below them on the stack all along. Where the compiler must empty the stack first (a switch expression among the
/// arguments), it spills the value into a local and loads it back for the call: the walk follows it into the local and
/// out again, and names the local, every other load of which the caller must check the same way (and which no
/// instruction may take the address of). The walk is bounded (<see cref="MaxSteps"/>); past it, the use is refused.</remarks>
internal static class ReceiverUse
{
    /// <summary>How many instructions the walk follows before it refuses the use.</summary>
    public const int MaxSteps = 4096;

    /// <summary>Null if the value pushed by <paramref name="code"/>[<paramref name="start"/>] becomes the receiver of an
    /// allowed call of <paramref name="receiverType"/> or <c>System.Object</c>; otherwise what happens to it instead.
    /// <paramref name="spills"/> receives the locals it passed through.</summary>
    public static string? Problem(IReadOnlyList<Instruction> code, int start, string receiverType, Func<Instruction, CallTarget?> targets,
        ISet<int> spills)
    {
        var above = 0;
        var inLocal = -1;
        var index = start + 1;
        for (var step = 0; step < MaxSteps; step++)
        {
            if (index < 0 || index >= code.Count)
            {
                return "it is left on the stack";
            }

            var instruction = code[index];
            var opcode = instruction.Emit;
            if (inLocal >= 0 && IsLoad(instruction, inLocal))
            {
                (inLocal, above) = (-1, 0);
                index++;
                continue;
            }

            if (inLocal < 0 && above == 0 && IsStore(instruction))
            {
                inLocal = instruction.Operand;
                spills.Add(inLocal);
                index++;
                continue;
            }

            if (inLocal >= 0)
            {
                // The value waits in a local: only the flow matters until it is loaded back.
                above = int.MaxValue / 2;
            }

            if (instruction.OpCode == ILOpCode.Dup && above == 0)
            {
                return "it is copied (dup)";
            }

            int pops, pushes;
            if (opcode.StackBehaviourPop == StackBehaviour.Varpop || opcode.StackBehaviourPush == StackBehaviour.Varpush)
            {
                if (instruction.OpCode is not (ILOpCode.Call or ILOpCode.Callvirt or ILOpCode.Newobj) || targets(instruction) is not { } target)
                {
                    return $"it reaches {opcode.Name}";
                }

                var isNew = instruction.OpCode == ILOpCode.Newobj;
                pops = target.Parameters + (target.HasThis && !isNew ? 1 : 0);
                pushes = isNew || target.ReturnsValue ? 1 : 0;
                if (pops > above)
                {
                    return !isNew && target.HasThis && pops == above + 1 && target.Allowed
                        && target.DeclaringType is { } declaring && (declaring == receiverType || declaring == "System.Object")
                        ? null
                        : "it is passed to a call as an argument, or to a member of another type";
                }
            }
            else
            {
                pops = Count(opcode.StackBehaviourPop);
                pushes = Count(opcode.StackBehaviourPush);
                if (pops > above)
                {
                    return $"it is used by {opcode.Name}";
                }
            }

            above += pushes - pops;
            switch (opcode.FlowControl)
            {
                case FlowControl.Branch when instruction.OpCode is not (ILOpCode.Leave or ILOpCode.Leave_s):
                    index = IndexOf(code, instruction.Operand);
                    break;
                case FlowControl.Next or FlowControl.Call or FlowControl.Meta or FlowControl.Cond_Branch or FlowControl.Break:
                    index++;
                    break;
                default:
                    return $"it is abandoned at {opcode.Name}";
            }
        }

        return "the code that uses it is too long to follow";
    }

    /// <summary>True if <paramref name="instruction"/> loads local <paramref name="local"/> by value.</summary>
    public static bool IsLoad(Instruction instruction, int local) =>
        instruction.OpCode is ILOpCode.Ldloc or ILOpCode.Ldloc_s or ILOpCode.Ldloc_0 or ILOpCode.Ldloc_1 or ILOpCode.Ldloc_2 or ILOpCode.Ldloc_3
        && instruction.Operand == local;

    /// <summary>True if <paramref name="instruction"/> takes the address of local <paramref name="local"/>.</summary>
    public static bool IsAddress(Instruction instruction, int local) =>
        instruction.OpCode is ILOpCode.Ldloca or ILOpCode.Ldloca_s && instruction.Operand == local;

    private static bool IsStore(Instruction instruction) =>
        instruction.OpCode is ILOpCode.Stloc or ILOpCode.Stloc_s or ILOpCode.Stloc_0 or ILOpCode.Stloc_1 or ILOpCode.Stloc_2 or ILOpCode.Stloc_3;

    private static int IndexOf(IReadOnlyList<Instruction> code, int offset)
    {
        int low = 0, high = code.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (code[middle].Offset == offset)
            {
                return middle;
            }

            if (code[middle].Offset < offset)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }

    private static int Count(StackBehaviour behaviour) => behaviour switch
    {
        StackBehaviour.Pop0 or StackBehaviour.Push0 => 0,
        StackBehaviour.Pop1 or StackBehaviour.Popi or StackBehaviour.Popref or StackBehaviour.Push1 or StackBehaviour.Pushi
            or StackBehaviour.Pushi8 or StackBehaviour.Pushr4 or StackBehaviour.Pushr8 or StackBehaviour.Pushref => 1,
        StackBehaviour.Pop1_pop1 or StackBehaviour.Popi_pop1 or StackBehaviour.Popi_popi or StackBehaviour.Popi_popi8
            or StackBehaviour.Popi_popr4 or StackBehaviour.Popi_popr8 or StackBehaviour.Popref_pop1 or StackBehaviour.Popref_popi
            or StackBehaviour.Push1_push1 => 2,
        StackBehaviour.Popi_popi_popi or StackBehaviour.Popref_popi_popi or StackBehaviour.Popref_popi_popi8
            or StackBehaviour.Popref_popi_popr4 or StackBehaviour.Popref_popi_popr8 or StackBehaviour.Popref_popi_popref
            or StackBehaviour.Popref_popi_pop1 => 3,
        _ => throw new BadImageFormatException($"an opcode with stack behaviour {behaviour}"),
    };
}
