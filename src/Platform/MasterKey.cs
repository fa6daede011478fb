using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Wijkengids.Platform;

/// <summary>
/// The key that never enters the database (setting Security:MasterKey or Security:MasterKeyFile): it encrypts the
/// keys that do live there (data-protection keys, the vault's per-person keys), so a reader of the database or of a
/// backup holds no usable key. Each use has its own key derived with HKDF from a purpose name; values are
/// AES-256-GCM with a random nonce. See docs/adr/0073-keys-at-rest.md.
/// </summary>
public sealed class MasterKey
{
    public const int Size = 32;
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int HeaderSize = 1 + NonceSize + TagSize;

    private readonly byte[] _key;
    private readonly ConcurrentDictionary<string, byte[]> _purposeKeys = new();

    public MasterKey(byte[] key)
    {
        if (key.Length != Size) throw new ArgumentException($"Een hoofdsleutel is {Size} bytes lang, niet {key.Length}.", nameof(key));
        _key = key.ToArray();
    }

    /// <summary>Reads the base64 text of 32 bytes; null when it is not that.</summary>
    public static MasterKey? TryParse(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64)) return null;
        var bytes = new byte[Size + 3];
        return Convert.TryFromBase64String(base64.Trim(), bytes, out var length) && length == Size ? new MasterKey(bytes[..Size]) : null;
    }

    /// <summary>A new random key as base64 text (what the setting holds).</summary>
    public static string NewBase64() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(Size));

    /// <summary>Encrypts <paramref name="plain"/> for <paramref name="purpose"/>, bound to <paramref name="associatedData"/>.</summary>
    public byte[] Protect(ReadOnlySpan<byte> plain, string purpose, ReadOnlySpan<byte> associatedData = default)
    {
        var output = new byte[HeaderSize + plain.Length];
        output[0] = Version;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(PurposeKey(purpose), TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(HeaderSize), output.AsSpan(1 + NonceSize, TagSize), associatedData);
        return output;
    }

    /// <summary>The plain bytes; <see cref="MasterKeyMismatchException"/> when this master key did not protect them.</summary>
    public byte[] Unprotect(ReadOnlySpan<byte> protectedValue, string purpose, ReadOnlySpan<byte> associatedData = default)
    {
        if (protectedValue.Length < HeaderSize || protectedValue[0] != Version) throw new MasterKeyMismatchException();
        var plain = new byte[protectedValue.Length - HeaderSize];
        try
        {
            using var aes = new AesGcm(PurposeKey(purpose), TagSize);
            aes.Decrypt(protectedValue.Slice(1, NonceSize), protectedValue[HeaderSize..], protectedValue.Slice(1 + NonceSize, TagSize),
                plain, associatedData);
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new MasterKeyMismatchException();
        }
        return plain;
    }

    /// <summary>
    /// A keyed hash (HMAC-SHA-256) of <paramref name="data"/> for <paramref name="purpose"/>: stable for the same input, and
    /// useless to whoever holds the database but not the master key (an address cannot be found back by trying addresses).
    /// </summary>
    public byte[] Mac(string purpose, ReadOnlySpan<byte> data) => HMACSHA256.HashData(PurposeKey(purpose), data);

    private byte[] PurposeKey(string purpose) =>
        _purposeKeys.GetOrAdd(purpose, p => HKDF.DeriveKey(HashAlgorithmName.SHA256, _key, Size, info: Encoding.UTF8.GetBytes("wijkengids/" + p)));
}

/// <summary>A key in the database was protected with another master key than the one configured.</summary>
public sealed class MasterKeyMismatchException() : Exception(
    "Een sleutel in de database is met een andere hoofdsleutel versleuteld dan de ingestelde (Security:MasterKey of " +
    "Security:MasterKeyFile). Stel de hoofdsleutel in die bij deze database hoort.");
