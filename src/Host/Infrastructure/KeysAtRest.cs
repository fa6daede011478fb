using System.Text;
using System.Xml.Linq;
using Marten;
using Marten.Schema;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Wijkengids.Platform;
using Wijkengids.Platform.PersonalData;

namespace Wijkengids.Host.Infrastructure;

/// <summary>
/// Where the master key comes from: Security:MasterKey (base64 of 32 bytes) or Security:MasterKeyFile (a file holding
/// it); in Development without either, a key generated once in .local/master.key. See docs/adr/0073-keys-at-rest.md.
/// </summary>
internal static class MasterKeys
{
    public const string Setting = "Security:MasterKey";
    public const string FileSetting = "Security:MasterKeyFile";

    public static MasterKey Resolve(IConfiguration configuration, IHostEnvironment environment)
    {
        if (configuration[Setting] is { Length: > 0 } value)
        {
            return MasterKey.TryParse(value) ?? throw Invalid($"De instelling {Setting}");
        }
        if (configuration[FileSetting] is { Length: > 0 } file)
        {
            if (!File.Exists(file)) throw new InvalidOperationException($"Het bestand '{file}' uit de instelling {FileSetting} bestaat niet.");
            return MasterKey.TryParse(File.ReadAllText(file)) ?? throw Invalid($"Het bestand '{file}' uit de instelling {FileSetting}");
        }
        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"Geen hoofdsleutel ingesteld. Geef buiten Development de instelling {Setting} (omgevingsvariabele " +
                $"Security__MasterKey: base64 van 32 willekeurige bytes, bijvoorbeeld uit 'openssl rand -base64 32') of " +
                $"{FileSetting} (het pad van een bestand met die sleutel). Bewaar de sleutel apart van de databaseback-ups: " +
                "zonder hem zijn de aanmeldingen en de persoonsgegevens in een back-up onleesbaar.");
        }
        return DevelopmentKey(Path.Combine(Database.ProjectRoot(environment.ContentRootPath), ".local", "master.key"));
    }

    /// <summary>Generated once and reused; written to a temporary file and moved, so a second host never reads half a key.</summary>
    private static MasterKey DevelopmentKey(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            File.WriteAllText(temporary, MasterKey.NewBase64() + "\n");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            try
            {
                File.Move(temporary, path, overwrite: false);
                Console.WriteLine($"[sleutels] Nieuwe hoofdsleutel voor Development in {path}");
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temporary); // another host made one at the same moment: use theirs
            }
        }
        return MasterKey.TryParse(File.ReadAllText(path)) ?? throw Invalid($"Het bestand '{path}'");
    }

    private static InvalidOperationException Invalid(string source) =>
        new($"{source} bevat geen geldige hoofdsleutel: verwacht wordt base64 van precies 32 bytes (bijvoorbeeld uit 'openssl rand -base64 32').");
}

/// <summary>Encrypts a data-protection key's secret with the master key before it is stored.</summary>
internal sealed class MasterKeyXmlEncryptor(MasterKey masterKey) : IXmlEncryptor
{
    public const string Purpose = "data-protection";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var element = new XElement("encryptedKey",
            new XComment(" Versleuteld met de hoofdsleutel (Security:MasterKey), zie docs/adr/0073. "),
            new XElement("cipher", Convert.ToBase64String(masterKey.Protect(plain, Purpose))));
        return new EncryptedXmlInfo(element, typeof(MasterKeyXmlDecryptor));
    }
}

/// <summary>Created by data protection from the type name stored with each key (hence the IServiceProvider constructor).</summary>
internal sealed class MasterKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var cipher = Convert.FromBase64String((string?)encryptedElement.Element("cipher") ?? "");
        var plain = services.GetRequiredService<MasterKey>().Unprotect(cipher, MasterKeyXmlEncryptor.Purpose);
        return XElement.Parse(Encoding.UTF8.GetString(plain));
    }
}

/// <summary>
/// At startup, after the schemas: keys stored in plain by earlier versions are encrypted with the master key, so existing
/// sign-ins and personal data keep working; a master key that does not fit the stored keys is reported loudly.
/// </summary>
internal sealed class ProtectKeysAtRest(MasterKey masterKey, ILogger<ProtectKeysAtRest> logger) : IInitialData
{
    private const string DataProtectionNamespace = "http://schemas.asp.net/2015/03/dataProtection";
    private static readonly XName RequiresEncryption = XName.Get("requiresEncryption", DataProtectionNamespace);
    private static readonly XName EncryptedSecret = XName.Get("encryptedSecret", DataProtectionNamespace);

    public async Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        var encryptor = new MasterKeyXmlEncryptor(masterKey);
        await using var session = store.LightweightSession();
        var migrated = 0;
        foreach (var key in await session.Query<DataProtectionKey>().ToListAsync(cancellation))
        {
            var xml = XElement.Parse(key.Xml);
            var secrets = xml.Descendants().Where(e => (string?)e.Attribute(RequiresEncryption) == "true").ToList();
            if (secrets.Count == 0) continue;
            foreach (var secret in secrets)
            {
                // The shape data protection itself writes for an encrypted secret.
                var encrypted = encryptor.Encrypt(secret);
                secret.ReplaceWith(new XElement(EncryptedSecret,
                    new XAttribute("decryptorType", encrypted.DecryptorType.AssemblyQualifiedName!), encrypted.EncryptedElement));
            }
            key.Xml = xml.ToString(SaveOptions.DisableFormatting);
            session.Store(key);
            migrated++;
        }
        await session.SaveChangesAsync(cancellation);
        if (migrated > 0) logger.LogWarning("{Count} data-protection-sleutel(s) stonden onversleuteld in de database; nu versleuteld met de hoofdsleutel", migrated);

        try
        {
            var wrapped = await PersonalDataVault.ProtectStoredKeysAsync(store, masterKey, cancellation);
            if (wrapped > 0) logger.LogWarning("{Count} persoonssleutel(s) in de kluis stonden onversleuteld; nu versleuteld met de hoofdsleutel", wrapped);
        }
        catch (MasterKeyMismatchException mismatch)
        {
            // The site still starts (a wrong setting must be fixable without losing the data), but personal data cannot be read.
            logger.LogError(mismatch, "De hoofdsleutel past niet bij de sleutels in deze database: persoonsgegevens zijn onleesbaar " +
                                      "en eerdere aanmeldingen ongeldig tot de juiste hoofdsleutel is ingesteld");
        }
    }
}
