using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Alba;
using Marten;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wijkengids.Host.Infrastructure;
using Wijkengids.Platform.PersonalData;
using Wijkengids.SharedKernel;

namespace Wijkengids.Tests.Integration.Platform;

/// <summary>
/// Keys at rest (docs/adr/0073): the data-protection keys and the vault's per-person keys in the database are encrypted
/// with the master key from configuration, so the database (or a backup of it) alone cannot forge a cookie or read a name.
/// </summary>
public sealed class KeysAtRestTests
{
    private const string OtherMasterKey = "b3RoZXIta2V5OiBub3QgdGhlIHRlc3RzJyBtYXN0ZXI=";

    [Fact]
    public async Task The_stored_data_protection_keys_and_vault_keys_hold_no_usable_key_material()
    {
        var connection = await TestDatabase.CreateDatabaseAsync("keysatrest");
        await using var host = await AppFactory.StartOnAsync(connection);
        await host.LoginAsRoleAsync("admin"); // the cookie needs a data-protection key, so one is stored
        var subject = Guid.NewGuid();
        var sealedName = await SealAsync(host, subject, "Geheime Gerda");

        var keys = await DataProtectionKeysAsync(host);
        Assert.NotEmpty(keys);
        foreach (var key in keys)
        {
            Assert.DoesNotContain(key.Descendants(), e => e.Name.LocalName is "masterKey" or "value");
            Assert.Contains(key.Descendants(), e => e.Name.LocalName == "encryptedSecret");
        }

        // Every byte string in the subject's vault row, tried as the key (any 32-byte stretch of it), opens nothing.
        var row = await SubjectKeyRowAsync(connection, subject);
        var stored = ByteStrings(JsonDocument.Parse(row).RootElement).ToList();
        Assert.Contains(stored, bytes => bytes.Length >= 32);
        foreach (var bytes in stored)
        {
            for (var start = 0; start + 32 <= bytes.Length; start++)
            {
                Assert.Null(TryOpen(bytes[start..(start + 32)], sealedName));
            }
        }
        Assert.Equal("Geheime Gerda", await RevealAsync(host, sealedName));
    }

    [Fact]
    public async Task Production_without_a_master_key_refuses_to_start_and_names_the_setting()
    {
        var connection = await TestDatabase.CreateDatabaseAsync("nomasterkey");
        var error = await Assert.ThrowsAnyAsync<Exception>(() => AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Wijkengids", connection);
            builder.UseSetting("Https:Required", "false");
        }));
        Assert.Contains("Geen hoofdsleutel ingesteld", error.ToString());
        Assert.Contains("Security:MasterKey", error.ToString());
        Assert.Contains("Security:MasterKeyFile", error.ToString());
    }

    [Fact]
    public async Task With_another_master_key_an_old_cookie_does_not_sign_in()
    {
        var connection = await TestDatabase.CreateDatabaseAsync("wrongmasterkey");
        string cookie;
        await using (var first = await AppFactory.StartOnAsync(connection))
        {
            cookie = await first.LoginAsRoleAsync("admin");
        }

        await using (var other = await AppFactory.StartOnAsync(connection, new Dictionary<string, string?> { ["Security:MasterKey"] = OtherMasterKey }))
        {
            await other.Scenario(s => { s.Get.Url("/api/auth/me"); s.As(cookie); s.StatusCodeShouldBe(401); });
        }

        // The same cookie with the right key again: it was the key, not the restart.
        await using var right = await AppFactory.StartOnAsync(connection);
        await right.Scenario(s => { s.Get.Url("/api/auth/me"); s.As(cookie); s.StatusCodeShouldBe(200); });
    }

    [Fact]
    public async Task Keys_stored_in_plain_by_an_earlier_version_are_encrypted_at_the_next_start_and_keep_working()
    {
        var connection = await TestDatabase.CreateDatabaseAsync("plainkeys");
        var subject = Guid.NewGuid();
        var plainKey = RandomNumberGenerator.GetBytes(32);
        var sealedName = SealWith(plainKey, subject, "Oude Olga");
        string cookie;
        await using (var earlier = await AppFactory.StartOnAsync(connection))
        {
            cookie = await earlier.LoginAsRoleAsync("admin");
            // Make the database look like one written before the master key: secrets and the vault key in plain.
            await using var session = earlier.Services.GetRequiredService<IDocumentStore>().LightweightSession();
            foreach (var key in await session.Query<DataProtectionKey>().ToListAsync())
            {
                var xml = XElement.Parse(key.Xml);
                foreach (var secret in xml.Descendants().Where(e => e.Name.LocalName == "encryptedSecret").ToList())
                {
                    var decryptor = (IXmlDecryptor)Activator.CreateInstance(Type.GetType((string)secret.Attribute("decryptorType")!)!, earlier.Services)!;
                    secret.ReplaceWith(decryptor.Decrypt(secret.Elements().Single()));
                }
                Assert.NotEmpty(xml.Descendants("masterKey"));
                session.Store(new DataProtectionKey { Id = key.Id, Xml = xml.ToString(SaveOptions.DisableFormatting) });
            }
            session.Store(new SubjectKey { Id = subject, Key = plainKey, CreatedAt = DateTimeOffset.UtcNow });
            await session.SaveChangesAsync();
        }

        await using var next = await AppFactory.StartOnAsync(connection);
        await next.Scenario(s => { s.Get.Url("/api/auth/me"); s.As(cookie); s.StatusCodeShouldBe(200); });
        Assert.All(await DataProtectionKeysAsync(next), key => Assert.DoesNotContain(key.Descendants(), e => e.Name.LocalName == "masterKey"));
        await using (var session = next.Services.GetRequiredService<IDocumentStore>().QuerySession())
        {
            var stored = await session.LoadAsync<SubjectKey>(subject);
            Assert.Null(stored!.Key);
            Assert.NotNull(stored.Wrapped);
        }
        Assert.Equal("Oude Olga", await RevealAsync(next, sealedName));
    }

    private static async Task<List<XElement>> DataProtectionKeysAsync(IAlbaHost host)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.Query<DataProtectionKey>().ToListAsync()).Select(k => XElement.Parse(k.Xml)).ToList();
    }

    private static async Task<string> SubjectKeyRowAsync(string connection, Guid subject)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var query = new NpgsqlCommand("select data::text from vault.mt_doc_subjectkey where id = @id", db);
        query.Parameters.AddWithValue("id", subject);
        return (string)(await query.ExecuteScalarAsync())!;
    }

    private static IEnumerable<byte[]> ByteStrings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => ByteStrings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(ByteStrings),
        JsonValueKind.String when element.TryGetBytesFromBase64(out var bytes) => [bytes],
        _ => [],
    };

    private static async Task<Sealed> SealAsync(IAlbaHost host, Guid subject, string value)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IPersonalDataVault>().SealAsync(subject, value);
    }

    private static async Task<string?> RevealAsync(IAlbaHost host, Sealed value)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IPersonalDataVault>().RevealAsync(value);
    }

    /// <summary>The vault's format (docs/adr/0007): nonce (12) | tag (16) | cipher, AES-256-GCM, the subject id as associated data.</summary>
    private static Sealed SealWith(byte[] key, Guid subject, string value)
    {
        var plain = Encoding.UTF8.GetBytes(value);
        var output = new byte[28 + plain.Length];
        RandomNumberGenerator.Fill(output.AsSpan(0, 12));
        using var aes = new AesGcm(key, 16);
        aes.Encrypt(output.AsSpan(0, 12), plain, output.AsSpan(28), output.AsSpan(12, 16), subject.ToByteArray());
        return new Sealed(subject, Convert.ToBase64String(output));
    }

    private static string? TryOpen(byte[] key, Sealed value)
    {
        var input = Convert.FromBase64String(value.Cipher);
        var plain = new byte[input.Length - 28];
        using var aes = new AesGcm(key, 16);
        try
        {
            aes.Decrypt(input.AsSpan(0, 12), input.AsSpan(28), input.AsSpan(12, 16), plain, value.Subject.ToByteArray());
            return Encoding.UTF8.GetString(plain);
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }
}
