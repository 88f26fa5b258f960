using System.Runtime.CompilerServices;
using MemKata.Contracts;

namespace MemKata.Graders.Shared;

/// <summary>
/// The learner's allocator as the hidden suite sees it: every call goes through <see cref="LearnerCall"/>. Only
/// <see cref="Free"/> may throw (a <see cref="HeapCorruptionException"/>, as its contract says); anything else any member
/// throws fails the test. Equality, hashing and text are the wrapper's own, so NUnit never calls learner code to
/// format or compare it.
/// </summary>
internal sealed class GuardedAllocator(IAllocator learner) : IAllocator
{
    /// <inheritdoc/>
    public ulong Malloc(ulong size) => LearnerCall.Run(nameof(Malloc), () => learner.Malloc(size), () => $"{size}");

    /// <inheritdoc/>
    public void Free(ulong pointer) =>
        LearnerCall.Run(nameof(Free), () => learner.Free(pointer), () => $"0x{pointer:x}", DeclaredExceptions.HeapCorruption);

    /// <inheritdoc/>
    public ulong Realloc(ulong pointer, ulong size) =>
        LearnerCall.Run(nameof(Realloc), () => learner.Realloc(pointer, size), () => $"0x{pointer:x}, {size}");

    /// <inheritdoc/>
    public ulong Calloc(ulong count, ulong size) =>
        LearnerCall.Run(nameof(Calloc), () => learner.Calloc(count, size), () => $"{count}, {size}");

    /// <inheritdoc/>
    public override string ToString() => "your Allocator";

    /// <inheritdoc/>
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    /// <inheritdoc/>
    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);
}
