namespace MemKata.Analyzers.Allowlist;

/// <summary>What an entry of the allowlist does (the first word of its line).</summary>
public enum AllowlistKeyword
{
    /// <summary><c>allow</c>: the API may be used; for a type, with its members and nested types.</summary>
    Allow,

    /// <summary><c>type</c>: the type may be named (variables, parameters, casts), none of its members used.</summary>
    Type,

    /// <summary><c>deny</c>: never allowed, even inside an allowed type.</summary>
    Deny,

    /// <summary><c>image</c>: never in source; allowed in the compiled image where the compiler emits it.</summary>
    Image,

    /// <summary><c>receiver</c>: a property or field whose value may only be the receiver of a call to an allowed member
    /// (<c>Console.Error.WriteLine(...)</c>), never stored, passed, converted or disposed.</summary>
    Receiver,
}
