using MemKata.Contracts;
using MemKata.Contracts.Kernel;

namespace MemKata.Engine.Memory;

/// <summary>
/// What the system calls of one process charge to the kernel's overcommit accounting (Linux's
/// <c>security_vm_enough_memory_mm</c> and <c>vm_unacct_memory</c>, and the rule of mm/mmap.c
/// <c>accountable_mapping</c>): growth of private writable memory asks first and may be refused; unmapping gives the
/// pages back. Without an <see cref="ICommitAccounting"/> nothing is ever refused.
/// </summary>
public sealed class CommitCharge
{
    private readonly ICommitAccounting? _accounting;

    /// <summary>Charges to <paramref name="accounting"/>, or to nothing when it is null.</summary>
    public CommitCharge(ICommitAccounting? accounting) => _accounting = accounting;

    /// <summary>Linux charges private writable memory only: the heap, anonymous and private file mappings that allow
    /// writing. The C library's data is left out here (the loader mapped it before any accounting we show).</summary>
    public static bool IsAccountable(Mapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        return (mapping.Protection & Protection.Write) != 0 && mapping.Kind is VmaKind.Heap or VmaKind.Anonymous or VmaKind.FilePrivate;
    }

    /// <summary>Why the last refused charge was refused (the overcommit rule's words); null before any refusal.</summary>
    public string? LastRefusal { get; private set; }

    /// <summary>Asks to commit <paramref name="bytes"/> (whole pages) for <paramref name="mapping"/>, a process spanning
    /// <paramref name="totalVmPages"/> pages; true when the mapping is not accountable or the policy agrees.</summary>
    public bool TryCharge(Mapping mapping, ulong bytes, ulong totalVmPages) =>
        !IsAccountable(mapping) || TryCharge(bytes, totalVmPages);

    /// <summary>Asks to commit <paramref name="bytes"/> (whole pages) of accountable memory; false (with
    /// <see cref="LastRefusal"/> set) when the overcommit policy refuses.</summary>
    public bool TryCharge(ulong bytes, ulong totalVmPages)
    {
        var refusal = _accounting?.TryCommit(bytes / Units.PageUnits.PageSize, totalVmPages);
        if (refusal is null)
        {
            return true;
        }

        LastRefusal = "overcommit refused it: " + refusal;
        return false;
    }

    /// <summary>Gives back the accountable part of [<paramref name="start"/>, + <paramref name="length"/>) of
    /// <paramref name="space"/>, before it is unmapped.</summary>
    public void Release(AddressSpace space, ulong start, ulong length)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (_accounting is null)
        {
            return;
        }

        var released = space.AccountableBytesIn(start, length);
        if (released > 0)
        {
            _accounting.Uncommit(released / Units.PageUnits.PageSize);
        }
    }
}
