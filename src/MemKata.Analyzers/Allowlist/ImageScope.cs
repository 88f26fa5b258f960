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

    /// <summary><c>collections</c>: in the compiler's read-only collection types (<c>&lt;&gt;z__ReadOnlyArray</c>...), which a
    /// collection expression builds for an interface type (<c>IEnumerable&lt;int&gt; e = [a, b]</c>).</summary>
    Collections,

    /// <summary><c>by-address</c> (a type): only as the whole type of a local that is never copied (used through its
    /// address only, as the compiler's lowering of string interpolation does); never in a field, parameter, return type
    /// or type argument.</summary>
    ByAddress,

    /// <summary><c>embedded</c> (a type): the compiler may define a type of this name in the image (an attribute it
    /// embeds because the referenced libraries lack it, such as <c>NullableAttribute</c>).</summary>
    Embedded,

    /// <summary>Not written in the file: what a <c>receiver</c> entry allows in an image, the value consumed at once as
    /// the receiver (<c>this</c>) of a call to an allowed member.</summary>
    Receiver,
}
