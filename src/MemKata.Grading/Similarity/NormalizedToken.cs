namespace MemKata.Grading.Similarity;

/// <summary>One token of a normalised program: what it is (a code that ignores names, literal values and layout) and
/// where it came from, so that a match can be shown as source lines.</summary>
/// <param name="Code">The token's kind, hashed (<see cref="StableHash.Of"/>): equal for tokens the normaliser treats as
/// the same, e.g. every local variable, every numeric literal.</param>
/// <param name="File">The index of its source file in <see cref="NormalizedProgram.Sources"/>.</param>
/// <param name="Line">Its first line in that file, 1-based.</param>
/// <param name="EndLine">Its last line (a multi-line string or type is one token), 1-based.</param>
/// <param name="Unit">The index of the member declaration it belongs to, in the program's canonical order: tokens of one
/// unit are contiguous, and a unit is contiguous in its source file.</param>
public readonly record struct NormalizedToken(ulong Code, int File, int Line, int EndLine, int Unit);
