namespace MemKata.Grading.Audit;

/// <summary>The kinds of change <see cref="MutantGenerator"/> makes to a reference solution, one per mutant: the classic
/// mutation operators (PIT, Stryker), each a plausible slip of a learner's hand.</summary>
public enum MutationOperator
{
    /// <summary>A comparison's boundary moved: <c>&lt;</c> ↔ <c>&lt;=</c>, <c>&gt;</c> ↔ <c>&gt;=</c>.</summary>
    Boundary,

    /// <summary>A comparison negated: <c>==</c> ↔ <c>!=</c>, <c>&lt;</c> → <c>&gt;=</c>, <c>&gt;</c> → <c>&lt;=</c>, and
    /// <c>is null</c> ↔ <c>is not null</c>.</summary>
    NegatedComparison,

    /// <summary>An arithmetic or bitwise operator swapped: <c>+</c> ↔ <c>-</c>, <c>*</c> ↔ <c>/</c>, <c>%</c> → <c>*</c>,
    /// <c>&lt;&lt;</c> ↔ <c>&gt;&gt;</c>, <c>&amp;</c> ↔ <c>|</c>, <c>^</c> → <c>&amp;</c>, and their compound assignments.</summary>
    Arithmetic,

    /// <summary><c>&amp;&amp;</c> ↔ <c>||</c>.</summary>
    Logical,

    /// <summary>An integer literal one more or one less: <c>16</c> → <c>17</c>, <c>15</c>.</summary>
    OffByOne,

    /// <summary><c>true</c> ↔ <c>false</c>.</summary>
    BooleanLiteral,

    /// <summary><c>x++</c> ↔ <c>x--</c>.</summary>
    Increment,

    /// <summary><c>Math.Max</c> ↔ <c>Math.Min</c>.</summary>
    MaxMin,

    /// <summary>The condition of an <c>if</c>, a loop or a <c>?:</c> negated: <c>c</c> → <c>!(c)</c>.</summary>
    NegatedCondition,

    /// <summary>A logical not removed: <c>!c</c> → <c>c</c>.</summary>
    RemovedNot,

    /// <summary>The branches of an <c>if</c>/<c>else</c> or a <c>?:</c> swapped.</summary>
    SwappedBranches,

    /// <summary>A statement that does something (a call, an assignment, an increment) removed.</summary>
    DroppedStatement,

    /// <summary>A <c>return;</c>, <c>continue;</c> or a loop's <c>break;</c> removed.</summary>
    RemovedJump,
}
