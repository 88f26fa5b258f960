namespace MemKata.Grading.Similarity;

/// <summary>One fingerprint winnowing selected: the hash of a k-gram and where that k-gram starts.</summary>
/// <param name="Hash">The k-gram's hash (<see cref="StableHash.KGrams"/>).</param>
/// <param name="Position">The index of the k-gram's first token in the program's token sequence.</param>
public readonly record struct Fingerprint(ulong Hash, int Position);
