namespace MemKata.Analyzers.Allowlist;

/// <summary>Where in a compiled learner image an <c>image</c> entry of the allowlist is allowed: the places the compiler
/// itself puts that API, and no other (a learner's source never reaches them).</summary>
public enum ImageScope
{
    /// <summary><c>anywhere</c>: harmless on its own.</summary>
    Anywhere,

    /// <summary><c>helpers</c>: in the methods of the compiler's <c>&lt;PrivateImplementationDetails&gt;</c> type.</summary>
    Helpers,

    /// <summary><c>data</c>: right after an <c>ldtoken</c> or <c>ldsflda</c> of a field of
    /// <c>&lt;PrivateImplementationDetails&gt;</c> (the compiler's constant data).</summary>
    Data,

    /// <summary><c>iterators</c>: in an iterator's state machine (a type named <c>&lt;M&gt;d__N</c>).</summary>
    Iterators,

    /// <summary><c>records</c>: in a record's <c>get_EqualityContract</c>.</summary>
    Records,

    /// <summary><c>inline-arrays</c>: on the compiler's inline array types (<c>&lt;&gt;y__InlineArrayN</c>).</summary>
    InlineArrays,

    /// <summary><c>assembly</c>: as an assembly- or module-level attribute.</summary>
    Assembly,
}
