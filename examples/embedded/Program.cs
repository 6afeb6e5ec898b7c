// StreamSql embedded in an application: create a session, declare a table, run a continuous query, read its rows.
using StreamSql;

await using var env = StreamSqlEnvironment.Create(new StreamSqlOptions().Set("parallelism.default", "1"));

env.ExecuteSql("""
    CREATE TABLE orders (
      order_id BIGINT,
      product  STRING,
      amount   INT
    ) WITH (
      'connector' = 'datagen',
      'number-of-rows' = '10',
      'fields.order_id.kind' = 'sequence',
      'fields.order_id.start' = '1',
      'fields.order_id.end' = '10',
      'fields.product.length' = '6',
      'fields.amount.min' = '1',
      'fields.amount.max' = '100'
    )
    """);

try
{
    await using var result = await env.QueryAsync("SELECT order_id, product, amount FROM orders");
    Console.WriteLine(string.Join(" | ", result.ColumnNames));
    await foreach (var row in result.ReadRowsAsync())
        Console.WriteLine(row); // e.g. +I[1, 3fa9c1, 42]
}
catch (StreamSqlException e)
{
    Console.Error.WriteLine(e.Message); // what is wrong and where, never a stack trace
    return 1;
}
return 0;
