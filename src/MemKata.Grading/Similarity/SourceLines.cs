namespace MemKata.Grading.Similarity;

/// <summary>A range of lines in one source file of a program, as reports show it (<c>Allocator.cs:12-40</c>).</summary>
/// <param name="Path">The file's name (<see cref="SimilaritySource.Path"/>).</param>
/// <param name="File">The file's index in its program's sources.</param>
/// <param name="First">The first line, 1-based.</param>
/// <param name="Last">The last line, 1-based, inclusive.</param>
public readonly record struct SourceLines(string Path, int File, int First, int Last)
{
    /// <summary>How many lines the range holds.</summary>
    public int Count => Last - First + 1;

    /// <summary><c>Allocator.cs:12-40</c>, or <c>Allocator.cs:12</c> for one line.</summary>
    public override string ToString() => First == Last ? $"{Path}:{First}" : $"{Path}:{First}-{Last}";
}
