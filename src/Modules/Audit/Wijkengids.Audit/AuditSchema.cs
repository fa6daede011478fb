using Marten;
using Weasel.Postgresql.Tables;

namespace Wijkengids.Audit;

/// <summary>
/// The audit module's own tables in schema "audit" (besides its Marten documents). Only the audit projections and
/// the hash-chain subscription write to them; Marten creates and migrates them with the other schema objects.
/// </summary>
internal static class AuditSchema
{
    public const string Name = "audit";
    public const string HashChain = Name + ".hash_chain";
    public const string Checkpoints = Name + ".chain_checkpoint";

    /// <summary>The shared event store's events table (docs/adr/0002), read as stored bytes for hashing.</summary>
    public const string Events = SharedKernel.EventStore.Schema + ".mt_events";

    public static void AddTables(StoreOptions options)
    {
        var chain = new Table(HashChain);
        chain.AddColumn<long>("seq").AsPrimaryKey();
        chain.AddColumn("hash", "text").NotNull();
        chain.AddColumn("previous", "text").NotNull();
        chain.AddColumn("day", "date").NotNull();
        options.Storage.ExtendedSchemaObjects.Add(chain);

        var checkpoints = new Table(Checkpoints);
        checkpoints.AddColumn("day", "date").AsPrimaryKey();
        checkpoints.AddColumn<long>("first_seq").NotNull();
        checkpoints.AddColumn<long>("last_seq").NotNull();
        checkpoints.AddColumn<long>("events").NotNull();
        checkpoints.AddColumn("hash", "text").NotNull();
        options.Storage.ExtendedSchemaObjects.Add(checkpoints);
    }
}
