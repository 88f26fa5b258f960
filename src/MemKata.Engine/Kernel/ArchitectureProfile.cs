using MemKata.Engine.Memory;

namespace MemKata.Engine.Kernel;

/// <summary>
/// An architecture profile: how much virtual address space a process has, how deep its page tables are, and where its
/// program, heap and mmap area sit. The two profiles follow Linux's defaults:
/// <code>
///   x86-64 (4-level tables, 47-bit user space)          i386 (2-level tables, 3 GiB / 1 GiB split)
///   0xffff_8000_0000_0000 ┬ kernel space                 0xffff_ffff ┬ kernel space (1 GiB)
///   0x0000_7fff_ffff_f000 ┼ top of user space (128 TiB)  0xc000_0000 ┼ top of user space (3 GiB)
///                         │ stack, mmap area (top-down)              │ stack, mmap area (top-down)
///                         │ heap (brk, grows up)                     │ heap (brk, grows up)
///   0x0000_5555_5555_4000 ┴ text, data, bss              0x0804_8000 ┴ text, data, bss
/// </code>
/// </summary>
/// <param name="Name">"x86-64" or "i386".</param>
/// <param name="PageTableLevels">Levels of page tables (4 or 2).</param>
/// <param name="EntriesPerTableShift">log2 of the entries in one page-table page (9: 512 entries of 8 bytes; 10: 1024 of 4).</param>
/// <param name="Layout">Where things sit in a process.</param>
public sealed record ArchitectureProfile(string Name, int PageTableLevels, int EntriesPerTableShift, AddressSpaceLayout Layout)
{
    /// <summary>x86-64: 4-level page tables, 128 TiB of user space (2^47 bytes, less the top guard page).</summary>
    public static ArchitectureProfile X86_64 { get; } = new("x86-64", 4, 9, AddressSpaceLayout.X86_64);

    /// <summary>i386: 2-level page tables, 3 GiB of user space and 1 GiB for the kernel (the classic 3G/1G split).</summary>
    public static ArchitectureProfile I386 { get; } = new("i386", 2, 10, new AddressSpaceLayout
    {
        UserSpaceEnd = 0xc000_0000,
        ProgramStart = 0x0804_8000,
        HeapStart = 0x0805_b000,
        MmapBase = 0xb7fc_0000,
        LibcDataStart = 0xb7f9_0000,
        LibcDataSize = 0x4000,
    });

    /// <summary>Bytes of virtual address space a process can use.</summary>
    public ulong UserSpaceBytes => Layout.UserSpaceEnd + MachineConfig.PageSize;

    /// <summary>Looks a profile up by name ("x86-64"/"x86_64"/"amd64" or "i386"/"x86"); null if unknown.</summary>
    public static ArchitectureProfile? FromName(string name) => name.ToUpperInvariant() switch
    {
        "X86-64" or "X86_64" or "AMD64" => X86_64,
        "I386" or "X86" or "I686" => I386,
        _ => null,
    };

}
