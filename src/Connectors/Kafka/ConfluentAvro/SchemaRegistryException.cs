namespace StreamSql.Connectors.Kafka.ConfluentAvro;

/// <summary>The schema registry could not be reached or refused a request; the message names the registry option and
/// the subject or schema id.</summary>
internal sealed class SchemaRegistryException(string message, Exception? inner = null) : Exception(message, inner);
