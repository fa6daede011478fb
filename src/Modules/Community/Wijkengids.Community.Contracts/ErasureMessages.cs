namespace Wijkengids.Community.Contracts;

/// <summary>
/// A person's personal data must be erased (AVG). Every module removes or masks what it holds about
/// <see cref="SubjectId"/> (the person's account or person id) in its read models; the event history stays,
/// with the personal values already unreadable because their key is deleted (docs/adr/0007). <see cref="Email"/> is the
/// account's address, so that modules can also erase what the person sent before signing in (null for listed people).
/// </summary>
public sealed record ErasureRequested(Guid SubjectId, string RequestedBy, string Reason, DateTimeOffset RequestedAt, string? Email = null);
