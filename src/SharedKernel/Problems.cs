namespace Wijkengids.SharedKernel;

/// <summary>
/// Domain outcomes that the host turns into RFC 9457 problem details. Messages are Dutch,
/// written for the person who sees them.
/// </summary>
public abstract class DomainProblemException(string title, string detail) : Exception(detail)
{
    public string Title { get; } = title;
    public abstract int StatusCode { get; }
    public IDictionary<string, object?> Extensions { get; } = new Dictionary<string, object?>();
}

/// <summary>404: the thing asked for does not exist (or is not visible to this person).</summary>
public sealed class NotFoundException(string detail) : DomainProblemException("Niet gevonden", detail)
{
    public override int StatusCode => 404;
}

/// <summary>409: the request conflicts with the current state (e.g. a stale version).</summary>
public sealed class ConflictException(string detail) : DomainProblemException("Conflict", detail)
{
    public override int StatusCode => 409;
}

/// <summary>422: a rule of the domain forbids this change.</summary>
public sealed class RuleViolationException(string detail) : DomainProblemException("Niet toegestaan", detail)
{
    public override int StatusCode => 422;
}

/// <summary>403: signed in, but not allowed.</summary>
public sealed class ForbiddenException(string detail) : DomainProblemException("Geen toegang", detail)
{
    public override int StatusCode => 403;
}

/// <summary>429: too many requests from this sender; try again later.</summary>
public sealed class TooManyRequestsException(string detail) : DomainProblemException("Te veel verzoeken", detail)
{
    public override int StatusCode => 429;
}
