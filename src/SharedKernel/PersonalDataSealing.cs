namespace Wijkengids.SharedKernel;

/// <summary>
/// A piece of personal data (a name, an e-mail address, text a person wrote) as it is kept
/// in events: encrypted with the key of the person it belongs to. Erasing the person deletes
/// the key, so the ciphertext stays in the (hash-chained) event history but can no longer be
/// read. See docs/adr/0007-personal-data-in-events.md.
/// </summary>
public sealed record Sealed(Guid Subject, string Cipher);

/// <summary>
/// Seals and reveals personal data with the key of the person it belongs to. The implementation (the vault with its
/// per-person keys) is the platform's, <c>Wijkengids.Platform.PersonalData.PersonalDataVault</c> (docs/adr/0095).
/// </summary>
public interface IPersonalDataVault
{
    /// <summary>Encrypts <paramref name="value"/> with the key of <paramref name="subject"/> (creating the key when needed).</summary>
    Task<Sealed> SealAsync(Guid subject, string value, CancellationToken cancellationToken = default);

    /// <summary>The clear text, or null when the subject has been erased (or nothing was given).</summary>
    Task<string?> RevealAsync(Sealed? value, CancellationToken cancellationToken = default);

    /// <summary>Deletes the subject's key: every value sealed for it becomes unreadable, for good.</summary>
    Task EraseAsync(Guid subject, string erasedBy, CancellationToken cancellationToken = default);

    Task<bool> IsErasedAsync(Guid subject, CancellationToken cancellationToken = default);
}
