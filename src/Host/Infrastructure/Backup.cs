using System.Diagnostics;
using Npgsql;
using Wijkengids.LocalPostgres;
using Wijkengids.SharedKernel;

namespace Wijkengids.Host.Infrastructure;

/// <summary>
/// `backup &lt;bestand&gt;`: one consistent snapshot of the whole database (event store, read models, vault, data-protection
/// keys, messaging) with pg_dump in its custom format. See docs/adr/0072-backup-and-restore.md.
/// </summary>
internal sealed class BackupCommand : ICommandLineCommand
{
    public string Name => "backup";

    public string Description => "Maak een back-up van de database (pg_dump, eigen formaat) in een bestand.";

    public Task<int> RunAsync(string[] args, IServiceProvider services, CancellationToken cancellationToken) =>
        args.Length == 0 || args[0].StartsWith('-')
            ? PgTools.UsageAsync("backup <bestand>",
                "Schrijft een consistente back-up van de hele database naar <bestand> (pg_dump, eigen formaat). Werkt met " +
                "ConnectionStrings:Wijkengids of met de ingebouwde database (ook terwijl de site draait). De hoofdsleutel " +
                "(Security:MasterKey) zit er niet in: bewaar die apart.")
            : PgTools.WithDatabaseAsync(services, async connection =>
            {
                var file = Path.GetFullPath(args[0]);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                var partial = file + ".deel";
                // pg_dump reads everything in one snapshot, so the backup is consistent while the site keeps writing.
                await PgTools.RunAsync("pg_dump", ["--format=custom", "--file", partial], connection, cancellationToken);
                File.Move(partial, file, overwrite: true);
                Console.WriteLine($"Back-up van database '{new NpgsqlConnectionStringBuilder(connection).Database}' geschreven naar {file} " +
                                  $"({new FileInfo(file).Length:N0} bytes).");
                Console.WriteLine("Let op: de hoofdsleutel (Security:MasterKey of Security:MasterKeyFile; in Development .local/master.key) " +
                                  "zit niet in de back-up. Bewaar hem apart: zonder hem zijn aanmeldingen en persoonsgegevens uit de back-up onleesbaar.");
                return 0;
            });
}

/// <summary>
/// `restore &lt;bestand&gt; [--overschrijven]`: pg_restore into an empty (or new) database; a database that holds anything is
/// only replaced with --overschrijven, and never while something is connected to it.
/// </summary>
internal sealed class RestoreCommand : ICommandLineCommand
{
    public const string OverwriteOption = "--overschrijven";

    public string Name => "restore";

    public string Description => "Zet een back-up terug in een lege of nieuwe database (pg_restore).";

    public Task<int> RunAsync(string[] args, IServiceProvider services, CancellationToken cancellationToken) =>
        args.Length == 0 || args[0].StartsWith('-')
            ? PgTools.UsageAsync($"restore <bestand> [{OverwriteOption}]",
                "Zet een back-up van 'backup' terug in de database van ConnectionStrings:Wijkengids (of de ingebouwde). Een " +
                "database die niet bestaat wordt aangemaakt; een lege wordt gevuld. Een database met gegevens wordt alleen " +
                $"vervangen met {OverwriteOption}, en pas als de site gestopt is. Gebruik daarna dezelfde hoofdsleutel als bij de back-up.")
            : PgTools.WithDatabaseAsync(services, async connection =>
            {
                var file = Path.GetFullPath(args[0]);
                if (!File.Exists(file)) return PgTools.Refuse($"Het bestand {file} bestaat niet.");
                var database = new NpgsqlConnectionStringBuilder(connection).Database
                               ?? throw new InvalidOperationException("Het verbindingsgegeven noemt geen database.");
                if (await PrepareAsync(connection, database, args.Contains(OverwriteOption), cancellationToken) is { } refusal)
                {
                    return PgTools.Refuse(refusal);
                }
                // One transaction: either the whole backup is in, or nothing is.
                await PgTools.RunAsync("pg_restore", ["--dbname", database, "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", file],
                    connection, cancellationToken);
                Console.WriteLine($"Back-up {file} teruggezet in database '{database}'. Start de site met dezelfde hoofdsleutel als bij " +
                                  "de back-up en controleer de hashketen op /audit/verificatie.");
                return 0;
            });

    /// <summary>Makes sure the database exists and is empty; the reason to stop otherwise.</summary>
    private static async Task<string?> PrepareAsync(string connection, string database, bool overwrite, CancellationToken cancellationToken)
    {
        await using var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection) { Database = "postgres", Pooling = false }.ConnectionString);
        await server.OpenAsync(cancellationToken);
        var quoted = "\"" + database.Replace("\"", "\"\"") + "\"";
        if (await ScalarAsync<bool>(server, "select exists (select 1 from pg_database where datname = @db)", database, cancellationToken))
        {
            if (await IsEmptyAsync(connection, cancellationToken)) return null;
            if (!overwrite)
            {
                return $"De database '{database}' is niet leeg. Zet de back-up terug in een nieuwe database (een ander " +
                       $"verbindingsgegeven), of geef {OverwriteOption} om deze database eerst te wissen.";
            }
            var others = await ScalarAsync<long>(server,
                "select count(*) from pg_stat_activity where datname = @db and pid <> pg_backend_pid()", database, cancellationToken);
            if (others > 0)
            {
                return $"Er zijn nog {others} verbinding(en) met database '{database}'. Stop eerst de site (en andere programma's " +
                       "die de database gebruiken) en probeer het opnieuw.";
            }
            NpgsqlConnection.ClearAllPools();
            await using var drop = new NpgsqlCommand($"drop database {quoted}", server);
            await drop.ExecuteNonQueryAsync(cancellationToken);
            Console.WriteLine($"Database '{database}' gewist ({OverwriteOption}).");
        }
        await using var create = new NpgsqlCommand($"create database {quoted}", server);
        await create.ExecuteNonQueryAsync(cancellationToken);
        return null;
    }

    private static async Task<bool> IsEmptyAsync(string connection, CancellationToken cancellationToken)
    {
        await using var db = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection) { Pooling = false }.ConnectionString);
        await db.OpenAsync(cancellationToken);
        await using var tables = new NpgsqlCommand(
            "select not exists (select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace " +
            "where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%')",
            db);
        return (bool)(await tables.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, string database, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("db", database);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}

/// <summary>What `backup` and `restore` share: the database to use, and running PostgreSQL's own programs against it.</summary>
internal static class PgTools
{
    public static Task<int> UsageAsync(string usage, string explanation)
    {
        Console.Error.WriteLine($"Gebruik: dotnet run --project src/Host -- {usage}");
        Console.Error.WriteLine(explanation);
        return Task.FromResult(2);
    }

    public static int Refuse(string reason)
    {
        Console.Error.WriteLine(reason);
        return 1;
    }

    /// <summary>
    /// Runs <paramref name="work"/> with the configured database, or the embedded one: attached to the server of the running
    /// site, or started for the command and stopped after it.
    /// </summary>
    public static async Task<int> WithDatabaseAsync(IServiceProvider services, Func<string, Task<int>> work)
    {
        try
        {
            var (connection, cluster) = await Database.ResolveAsync(services.GetRequiredService<IConfiguration>(),
                services.GetRequiredService<IHostEnvironment>(), forCommand: true);
            await using (cluster)
            {
                return await work(connection);
            }
        }
        catch (Exception e) when (e is LocalPostgresUnavailableException or InvalidOperationException or NpgsqlException or IOException)
        {
            return Refuse(e.Message);
        }
    }

    /// <summary>Runs pg_dump or pg_restore (beside initdb, else on PATH) against <paramref name="connection"/>.</summary>
    public static async Task RunAsync(string tool, IReadOnlyList<string> args, string connection, CancellationToken cancellationToken)
    {
        var settings = new NpgsqlConnectionStringBuilder(connection);
        var start = new ProcessStartInfo(LocalPostgresCluster.FindTool(tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // libpq's own variables: no password on the command line.
        foreach (var (variable, value) in new[]
                 {
                     ("PGHOST", settings.Host), ("PGPORT", settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                     ("PGDATABASE", settings.Database), ("PGUSER", settings.Username), ("PGPASSWORD", settings.Password),
                 })
        {
            start.Environment.Remove(variable);
            if (!string.IsNullOrEmpty(value)) start.Environment[variable] = value;
        }
        start.Environment["PGSSLMODE"] = settings.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        };
        start.Environment["PGAPPNAME"] = $"wijkengids-{tool}";
        using var process = Process.Start(start) ?? throw new IOException($"Kon {tool} niet starten.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new IOException($"{tool} mislukte (exitcode {process.ExitCode}): {(await error).Trim()} {(await output).Trim()}".Trim());
        }
    }
}
