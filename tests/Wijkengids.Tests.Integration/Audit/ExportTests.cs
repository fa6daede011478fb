using System.Text.Json;
using Alba;
using Wijkengids.Audit.Export;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Audit;

/// <summary>Exports as CSV and JSON Lines for any filter, verifiable offline by the `audit verify` command.</summary>
[Collection(SharedHosts.Audit)]
public sealed class ExportTests(AuditHost fixture) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wijkengids-export-").FullName;
    private IAlbaHost Host => fixture.Host;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<(string Path, string Text)> ExportAsync(string auditor, string query, string extension)
    {
        var result = await Host.Scenario(s => { s.Get.Url("/api/audit/export?" + query); s.As(auditor); s.StatusCodeShouldBe(200); });
        var text = result.ReadAsText();
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.{extension}");
        await File.WriteAllTextAsync(path, text);
        return (path, text);
    }

    private async Task<(Guid Account, string Admin, string Auditor)> HistoryAsync(string name)
    {
        var admin = await Host.LoginAsRoleAsync("admin");
        var auditor = await Host.LoginAsRoleAsync("auditor");
        var account = await Host.OpenAccountAsync(admin, name, ["editor"], "export, met \"komma\"");
        await Host.TimelineWhenAsync(auditor, $"item={account}",
            t => t.Entries.Length == 2 && t.Entries.All(e => e.GetProperty("actorName").GetString() == "Bas Beheerder"));
        await Host.VerifiedThroughAsync(auditor, (await Host.SequencesOfAsync(account)).Max());
        return (account, admin, auditor);
    }

    [Fact]
    public async Task A_filtered_csv_export_has_position_chain_hash_and_names_but_no_personal_data_in_clear()
    {
        var (account, _, auditor) = await HistoryAsync("Export Erik");
        var result = await Host.Scenario(s => { s.Get.Url($"/api/audit/export?format=csv&item={account}"); s.As(auditor); });
        Assert.StartsWith("text/csv", result.Context.Response.ContentType);
        Assert.Contains("attachment", result.Context.Response.Headers.ContentDisposition.ToString());
        var text = result.ReadAsText();
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(string.Join(',', ExportRow.Columns), lines[0]);
        Assert.Equal(3, lines.Length);
        var positions = await Host.SequencesOfAsync(account);
        for (var i = 0; i < positions.Length; i++)
        {
            var hash = await Host.ScalarAsync<string>("select hash from audit.hash_chain where seq = $1", positions[i]);
            Assert.StartsWith(positions[i] + ",", lines[i + 1]);
            Assert.EndsWith("," + hash, lines[i + 1]);
            Assert.Contains("Bas Beheerder", lines[i + 1]);
        }
        Assert.Contains("Account aangemaakt", text);
        Assert.DoesNotContain("Export Erik", text);

        var path = Path.Combine(_folder, "filtered.csv");
        await File.WriteAllTextAsync(path, text);
        var verification = await OfflineVerifier.VerifyAsync(path, CancellationToken.None);
        Assert.Equal(2, verification.Rows);
        Assert.Equal(0, verification.Invalid);
        Assert.True(verification.Passed(complete: false));
    }

    [Fact]
    public async Task Csv_cells_a_spreadsheet_would_run_are_text_and_the_export_still_verifies()
    {
        var admin = await Host.LoginAsRoleAsync("admin");
        var auditor = await Host.LoginAsRoleAsync("auditor");
        // The correlation id is hashed, so the verifier must read it back exactly as it was before the text mark.
        var correlation = "-formule-" + Guid.NewGuid().ToString("N");
        var account = await Host.OpenAccountAsync(admin, "Formule Femke", ["editor"], "=HYPERLINK(\"http://evil.example\",\"klik\")", correlation);
        await Host.TimelineWhenAsync(auditor, $"item={account}", t => t.Entries.Length == 2);
        await Host.VerifiedThroughAsync(auditor, (await Host.SequencesOfAsync(account)).Max());

        var (path, text) = await ExportAsync(auditor, $"format=csv&item={account}", "csv");
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"klik\"\")\"", text);
        Assert.Contains(",'" + correlation + ",", text);
        Assert.DoesNotContain(",=", text);
        Assert.DoesNotContain(",\"=", text);
        Assert.DoesNotContain("," + correlation, text);

        var verification = await OfflineVerifier.VerifyAsync(path, CancellationToken.None);
        Assert.Equal(2, verification.Rows);
        Assert.True(verification.Passed(complete: false), string.Join("\n", OfflineVerifier.Describe(path, verification, false)));
    }

    [Fact]
    public async Task A_full_json_lines_export_verifies_offline_as_one_unbroken_chain()
    {
        var (_, _, auditor) = await HistoryAsync("Volledig Frits");
        var (path, text) = await ExportAsync(auditor, "format=jsonl", "jsonl");
        var first = JsonDocument.Parse(text.Split('\n')[0]).RootElement;
        Assert.Equal(JsonValueKind.Object, first.GetProperty("data").ValueKind);
        Assert.Equal(1, first.GetProperty("position").GetInt64());

        var result = await OfflineVerifier.VerifyAsync(path, CancellationToken.None);
        Assert.True(result.Passed(complete: true), string.Join("\n", OfflineVerifier.Describe(path, result, true)));
        Assert.True(result.StartsAtGenesis);
        Assert.Equal(0, result.Gaps);
        Assert.Equal(await Host.ScalarAsync<string>("select hash from audit.hash_chain where seq = $1", result.LastPosition!.Value), result.LastHash);
    }

    [Fact]
    public async Task The_offline_verifier_names_an_altered_row_and_a_removed_row()
    {
        var (account, _, auditor) = await HistoryAsync("Vervalst Vincent");
        var (path, text) = await ExportAsync(auditor, "format=jsonl", "jsonl");
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        var target = (await Host.SequencesOfAsync(account)).First();
        var index = lines.FindIndex(l => l.StartsWith($"{{\"position\":{target},", StringComparison.Ordinal));
        Assert.True(index > 0);

        var altered = Path.Combine(_folder, "altered.jsonl");
        await File.WriteAllLinesAsync(altered, lines.Select((l, i) => i == index ? l.Replace("\"Roles\":[\"editor\"]", "\"Roles\":[\"admin\"]") : l));
        var alteredResult = await OfflineVerifier.VerifyAsync(altered, CancellationToken.None);
        Assert.Equal(1, alteredResult.Invalid);
        Assert.Equal(target, alteredResult.FirstInvalidPosition);
        Assert.Equal(index + 1, alteredResult.FirstInvalidLine);

        var removed = Path.Combine(_folder, "removed.jsonl");
        await File.WriteAllLinesAsync(removed, lines.Where((_, i) => i != index));
        var removedResult = await OfflineVerifier.VerifyAsync(removed, CancellationToken.None);
        Assert.Equal(0, removedResult.Invalid);
        Assert.Equal(1, removedResult.Gaps);
        Assert.Equal(target - 1, removedResult.FirstGapAfter);
        Assert.False(removedResult.Passed(complete: true));
        Assert.True(removedResult.Passed(complete: false));
        _ = path;
    }

    [Fact]
    public async Task The_audit_verify_command_runs_offline_without_any_database()
    {
        var (_, _, auditor) = await HistoryAsync("Offline Olga");
        var (csv, _) = await ExportAsync(auditor, "format=csv", "csv");
        var (jsonl, text) = await ExportAsync(auditor, "format=jsonl&order=newest", "jsonl");
        var broken = Path.Combine(_folder, "broken.jsonl");
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        await File.WriteAllLinesAsync(broken, lines.Select((l, i) => i == 1 ? l.Replace("\"version\":", "\"version\":1") : l));

        var (okCode, okOutput) = await RunHostAsync("audit", "verify", csv, "--volledig");
        Assert.True(okCode == 0, okOutput);
        Assert.Contains("Uitkomst: in orde.", okOutput);
        Assert.Contains("Aaneengesloten", okOutput);

        var (newestCode, newestOutput) = await RunHostAsync("audit", "verify", jsonl, "--volledig");
        Assert.True(newestCode == 0, newestOutput);

        var (badCode, badOutput) = await RunHostAsync("audit", "verify", broken);
        Assert.Equal(1, badCode);
        Assert.Contains("Eerste fout: regel 2", badOutput);

        var (missingCode, missingOutput) = await RunHostAsync("audit", "verify", Path.Combine(_folder, "bestaat-niet.csv"));
        Assert.Equal(2, missingCode);
        Assert.Contains("Bestand niet gevonden", missingOutput);
    }

    [Fact]
    public async Task Exports_are_recorded_and_a_wrong_format_is_a_dutch_problem()
    {
        var (account, _, auditor) = await HistoryAsync("Vastgelegd Victor");
        var correlation = "export-" + Guid.NewGuid().ToString("N");
        await Host.Scenario(s =>
        {
            s.Get.Url($"/api/audit/export?format=jsonl&item={account}"); s.As(auditor);
            s.WithRequestHeader("X-Correlation-Id", correlation);
        });
        var recorded = await Host.TimelineWhenAsync(auditor, $"correlationId={correlation}", t => t.Entries.Length == 1);
        Assert.Equal($"Audittijdlijn geëxporteerd als JSONL (item {account})", recorded.Descriptions.Single());

        var problem = (await Host.Scenario(s =>
        {
            s.Get.Url("/api/audit/export?format=xlsx"); s.As(auditor);
            s.StatusCodeShouldBe(400);
        })).ShouldBeProblem(400);
        Assert.Contains("csv of jsonl", problem.GetProperty("errors").ToString());
    }

    /// <summary>Runs the built host as a separate process, in Production and without a connection string.</summary>
    private static Task<(int ExitCode, string Output)> RunHostAsync(params string[] args) =>
        HostProcess.RunAsync(new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["ConnectionStrings__Wijkengids"] = null }, args);
}
