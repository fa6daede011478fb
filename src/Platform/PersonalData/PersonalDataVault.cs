using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Marten;
using Wijkengids.SharedKernel;

namespace Wijkengids.Platform.PersonalData;

/// <summary>
/// The per-person key, kept in the "vault" schema, encrypted with the master key (<see cref="Wrapped"/>). Erasure removes
/// the key and keeps the fact.
/// </summary>
public sealed class SubjectKey
{
    public Guid Id { get; set; }

    /// <summary>The key in plain: only in databases from before the master key; wrapped at the next start.</summary>
    public byte[]? Key { get; set; }

    /// <summary>The key encrypted with the master key (purpose "vault", the subject id bound in).</summary>
    public string? Wrapped { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ErasedAt { get; set; }
    public string? ErasedBy { get; set; }
}

/// <summary>
/// AES-256-GCM with a random nonce; the subject id is bound in as associated data. Public so that Wolverine can build
/// it in generated handler code (it does not allow service location).
/// </summary>
public sealed class PersonalDataVault(IDocumentStore store, TimeProvider clock, MasterKey masterKey) : IPersonalDataVault
{
    private const string Purpose = "vault";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    // Scoped: keys are cached for one request or message only, so an erasure on another host
    // takes effect with the next request there.
    private readonly ConcurrentDictionary<Guid, byte[]?> _keys = new();

    public async Task<Sealed> SealAsync(Guid subject, string value, CancellationToken cancellationToken = default)
    {
        var key = await KeyAsync(subject, create: true, cancellationToken)
                  ?? throw new RuleViolationException("De gegevens van deze persoon zijn gewist; er kan niets meer bij worden opgeslagen.");
        var plain = Encoding.UTF8.GetBytes(value);
        var output = new byte[NonceSize + TagSize + plain.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), subject.ToByteArray());
        return new Sealed(subject, Convert.ToBase64String(output));
    }

    public async Task<string?> RevealAsync(Sealed? value, CancellationToken cancellationToken = default)
    {
        if (value is null) return null;
        var key = await KeyAsync(value.Subject, create: false, cancellationToken);
        return key is null ? null : Decrypt(key, value);
    }

    /// <summary>
    /// Reveals a sealed value inside a projection, with the projection's own session (the vault's keys are read in the
    /// same transaction): the clear text, or null when the subject was erased. A rebuild after an erasure therefore
    /// finds nothing to show, as the erasure intended.
    /// </summary>
    public static async Task<string?> RevealInProjectionAsync(IQuerySession session, MasterKey masterKey, Sealed? value,
        CancellationToken cancellationToken)
    {
        if (value is null) return null;
        var key = await session.LoadAsync<SubjectKey>(value.Subject, cancellationToken);
        return key is null || key.ErasedAt is not null || Unwrap(key, masterKey) is not { } bytes ? null : Decrypt(bytes, value);
    }

    private static string Decrypt(byte[] key, Sealed value)
    {
        var input = Convert.FromBase64String(value.Cipher);
        var plain = new byte[input.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize + TagSize), input.AsSpan(NonceSize, TagSize), plain,
            value.Subject.ToByteArray());
        return Encoding.UTF8.GetString(plain);
    }

    public async Task EraseAsync(Guid subject, string erasedBy, CancellationToken cancellationToken = default)
    {
        await using var session = store.LightweightSession();
        var existing = await session.LoadAsync<SubjectKey>(subject, cancellationToken)
                       ?? new SubjectKey { Id = subject, CreatedAt = clock.GetUtcNow() };
        existing.Key = null;
        existing.Wrapped = null;
        existing.ErasedAt ??= clock.GetUtcNow();
        existing.ErasedBy ??= erasedBy;
        session.Store(existing);
        await session.SaveChangesAsync(cancellationToken);
        _keys[subject] = null;
    }

    public async Task<bool> IsErasedAsync(Guid subject, CancellationToken cancellationToken = default)
    {
        await using var session = store.QuerySession();
        var key = await session.LoadAsync<SubjectKey>(subject, cancellationToken);
        return key?.ErasedAt is not null;
    }

    private async Task<byte[]?> KeyAsync(Guid subject, bool create, CancellationToken cancellationToken)
    {
        if (_keys.TryGetValue(subject, out var cached)) return cached;
        await using var session = store.LightweightSession();
        var key = await session.LoadAsync<SubjectKey>(subject, cancellationToken);
        if (key is null && create)
        {
            key = new SubjectKey { Id = subject, CreatedAt = clock.GetUtcNow() };
            Wrap(key, RandomNumberGenerator.GetBytes(32), masterKey);
            session.Insert(key);
            try
            {
                await session.SaveChangesAsync(cancellationToken);
            }
            catch (JasperFx.DocumentAlreadyExistsException)
            {
                // another request created it at the same moment: use theirs
                await using var again = store.QuerySession();
                key = await again.LoadAsync<SubjectKey>(subject, cancellationToken);
            }
        }
        var bytes = key is null || key.ErasedAt is not null ? null : Unwrap(key, masterKey);
        _keys[subject] = bytes;
        return bytes;
    }

    /// <summary>
    /// Wraps every key still kept in plain (databases from before the master key) with the master key; returns how many.
    /// Throws <see cref="MasterKeyMismatchException"/> when the keys already wrapped are not this master key's.
    /// </summary>
    public static async Task<int> ProtectStoredKeysAsync(IDocumentStore store, MasterKey masterKey, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        if (await session.Query<SubjectKey>().Where(k => k.Wrapped != null).FirstOrDefaultAsync(cancellationToken) is { } sample)
        {
            Unwrap(sample, masterKey);
        }
        var plain = (await session.Query<SubjectKey>().Where(k => k.Wrapped == null && k.ErasedAt == null).ToListAsync(cancellationToken))
            .Where(k => k.Key is not null).ToList();
        foreach (var key in plain)
        {
            Wrap(key, key.Key!, masterKey);
            session.Store(key);
        }
        await session.SaveChangesAsync(cancellationToken);
        return plain.Count;
    }

    private static void Wrap(SubjectKey key, byte[] plain, MasterKey masterKey)
    {
        key.Wrapped = Convert.ToBase64String(masterKey.Protect(plain, Purpose, key.Id.ToByteArray()));
        key.Key = null;
    }

    private static byte[]? Unwrap(SubjectKey key, MasterKey masterKey) =>
        key.Wrapped is { } wrapped ? masterKey.Unprotect(Convert.FromBase64String(wrapped), Purpose, key.Id.ToByteArray()) : key.Key;
}

public static class PersonalDataRegistration
{
    public const string Schema = "vault";

    public static void AddPersonalDataVault(this Microsoft.Extensions.DependencyInjection.IServiceCollection services) =>
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddScoped<IPersonalDataVault, PersonalDataVault>(services);

    public static void ConfigurePersonalDataVault(this StoreOptions options) =>
        options.Schema.For<SubjectKey>().DatabaseSchemaName(Schema);
}
