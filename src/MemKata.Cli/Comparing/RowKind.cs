namespace MemKata.Cli.Comparing;

/// <summary>How the two runs' lines in one row of a comparison relate.</summary>
internal enum RowKind
{
    /// <summary>The same line in both runs.</summary>
    Same,

    /// <summary>Both runs have a line here, and they differ.</summary>
    Changed,

    /// <summary>Only the reference has this line.</summary>
    OnlyReference,

    /// <summary>Only the learner's run has this line.</summary>
    OnlyYours,
}
