using System.Globalization;
using System.Text;

namespace StreamSql.Tests.Differential;

/// <summary>
/// A small deterministic TPC-H data set written as '|'-separated CSV files: the eight tables with TPC-H's columns and
/// types, and value domains close to dbgen's (nation and region names, part types, containers, brands, segments, ship
/// modes, dates from 1992 to 1998 with ship, commit and receipt dates derived from the order date, return flags and line
/// status from the 1995-06-17 cut-off, phone numbers whose country code is the nation key + 10, comments made of words
/// the queries look for). <paramref name="scale"/> 1 is about 6 000 line items (TPC-H scale factor 0.001).
/// </summary>
internal sealed class TpchData
{
    private static readonly string[] Regions = ["AFRICA", "AMERICA", "ASIA", "EUROPE", "MIDDLE EAST"];

    private static readonly (string Name, int Region)[] Nations =
    [
        ("ALGERIA", 0), ("ARGENTINA", 1), ("BRAZIL", 1), ("CANADA", 1), ("EGYPT", 4), ("ETHIOPIA", 0), ("FRANCE", 3),
        ("GERMANY", 3), ("INDIA", 2), ("INDONESIA", 2), ("IRAN", 4), ("IRAQ", 4), ("JAPAN", 2), ("JORDAN", 4), ("KENYA", 0),
        ("MOROCCO", 0), ("MOZAMBIQUE", 0), ("PERU", 1), ("CHINA", 2), ("ROMANIA", 3), ("SAUDI ARABIA", 4), ("VIETNAM", 2),
        ("RUSSIA", 3), ("UNITED KINGDOM", 3), ("UNITED STATES", 1),
    ];

    private static readonly string[] Colors =
    [
        "almond", "antique", "aquamarine", "azure", "beige", "bisque", "black", "blanched", "blue", "blush", "brown", "burlywood",
        "chartreuse", "chocolate", "coral", "cornflower", "cream", "cyan", "dark", "deep", "dim", "dodger", "drab", "firebrick",
        "floral", "forest", "frosted", "gainsboro", "ghost", "goldenrod", "green", "grey", "honeydew", "hot", "indian", "ivory",
        "khaki", "lace", "lavender", "lawn", "lemon", "light", "lime", "linen", "magenta", "maroon", "medium", "metallic",
    ];

    private static readonly string[] TypeSize = ["STANDARD", "SMALL", "MEDIUM", "LARGE", "ECONOMY", "PROMO"];
    private static readonly string[] TypeFinish = ["ANODIZED", "BURNISHED", "PLATED", "POLISHED", "BRUSHED"];
    private static readonly string[] TypeMaterial = ["TIN", "NICKEL", "BRASS", "STEEL", "COPPER"];
    private static readonly string[] ContainerSize = ["SM", "LG", "MED", "JUMBO", "WRAP"];
    private static readonly string[] ContainerKind = ["CASE", "BOX", "BAG", "JAR", "PKG", "PACK", "CAN", "DRUM"];
    private static readonly string[] Segments = ["AUTOMOBILE", "BUILDING", "FURNITURE", "MACHINERY", "HOUSEHOLD"];
    private static readonly string[] Priorities = ["1-URGENT", "2-HIGH", "3-MEDIUM", "4-NOT SPECIFIED", "5-LOW"];
    private static readonly string[] Instructions = ["DELIVER IN PERSON", "COLLECT COD", "NONE", "TAKE BACK RETURN"];
    private static readonly string[] Modes = ["REG AIR", "AIR", "RAIL", "SHIP", "TRUCK", "MAIL", "FOB"];

    private static readonly string[] Words =
    [
        "furiously", "quickly", "carefully", "blithely", "slyly", "final", "ironic", "regular", "pending", "express",
        "special", "requests", "deposits", "packages", "accounts", "theodolites", "pinto", "beans", "foxes", "ideas",
    ];

    private static readonly DateOnly StartDate = new(1992, 1, 1);
    private static readonly DateOnly CurrentDate = new(1995, 6, 17);

    /// <summary>The tables: name, engine column list (Flink types), DuckDB column list.</summary>
    public static readonly (string Name, string Columns)[] Tables =
    [
        ("region", "r_regionkey INT, r_name CHAR(25), r_comment VARCHAR(152)"),
        ("nation", "n_nationkey INT, n_name CHAR(25), n_regionkey INT, n_comment VARCHAR(152)"),
        ("supplier", "s_suppkey INT, s_name CHAR(25), s_address VARCHAR(40), s_nationkey INT, s_phone CHAR(15), s_acctbal DECIMAL(15, 2), s_comment VARCHAR(101)"),
        ("part", "p_partkey INT, p_name VARCHAR(55), p_mfgr CHAR(25), p_brand CHAR(10), p_type VARCHAR(25), p_size INT, p_container CHAR(10), p_retailprice DECIMAL(15, 2), p_comment VARCHAR(23)"),
        ("partsupp", "ps_partkey INT, ps_suppkey INT, ps_availqty INT, ps_supplycost DECIMAL(15, 2), ps_comment VARCHAR(199)"),
        ("customer", "c_custkey INT, c_name VARCHAR(25), c_address VARCHAR(40), c_nationkey INT, c_phone CHAR(15), c_acctbal DECIMAL(15, 2), c_mktsegment CHAR(10), c_comment VARCHAR(117)"),
        ("orders", "o_orderkey BIGINT, o_custkey INT, o_orderstatus CHAR(1), o_totalprice DECIMAL(15, 2), o_orderdate DATE, o_orderpriority CHAR(15), o_clerk CHAR(15), o_shippriority INT, o_comment VARCHAR(79)"),
        ("lineitem", "l_orderkey BIGINT, l_partkey INT, l_suppkey INT, l_linenumber INT, l_quantity DECIMAL(15, 2), l_extendedprice DECIMAL(15, 2), l_discount DECIMAL(15, 2), l_tax DECIMAL(15, 2), l_returnflag CHAR(1), l_linestatus CHAR(1), l_shipdate DATE, l_commitdate DATE, l_receiptdate DATE, l_shipinstruct CHAR(25), l_shipmode CHAR(10), l_comment VARCHAR(44)"),
    ];

    private readonly Random _random;

    private TpchData(string directory, int scale, int seed)
    {
        Directory = directory;
        _random = new Random(seed);
        System.IO.Directory.CreateDirectory(directory);
        int suppliers = 25 * scale, parts = 200 * scale, customers = 150 * scale, orders = 1500 * scale;
        Write("region", Enumerable.Range(0, Regions.Length).Select(r => Row(r, Regions[r], Comment(5))));
        Write("nation", Enumerable.Range(0, Nations.Length).Select(n => Row(n, Nations[n].Name, Nations[n].Region, Comment(6))));
        Write("supplier", Enumerable.Range(1, suppliers).Select(s =>
        {
            int nation = s % Nations.Length;
            // dbgen marks a few suppliers' comments with "Customer ... Complaints" (q16 excludes them).
            string comment = _random.Next(10) == 0 ? $"{Comment(2)} Customer {Comment(1)} Complaints" : Comment(6);
            return Row(s, $"Supplier#{s:D9}", Address(), nation, Phone(nation), Money(-999.99m, 9999.99m), comment);
        }));
        var retailPrice = new decimal[parts + 1];
        Write("part", Enumerable.Range(1, parts).Select(p =>
        {
            string name = string.Join(' ', Enumerable.Range(0, 5).Select(_ => Colors[_random.Next(Colors.Length)]));
            retailPrice[p] = (90000 + p / 10 % 20001 + 100 * (p % 1000)) / 100m;
            string brand = $"Brand#{_random.Next(1, 6)}{_random.Next(1, 6)}";
            string type = $"{Pick(TypeSize)} {Pick(TypeFinish)} {Pick(TypeMaterial)}";
            string container = $"{Pick(ContainerSize)} {Pick(ContainerKind)}";
            int size = _random.Next(1, 51);
            // Every tenth part of a kind q2, q8, q17, q19 and q20 select, so that their answers are not empty at a small scale.
            switch (p % 10)
            {
                case 0: type = "ECONOMY ANODIZED STEEL"; break;
                case 1: (brand, container, size) = ("Brand#23", _random.Next(2) == 0 ? "MED BOX" : "MED BAG", _random.Next(1, 11)); break;
                case 2: (brand, container, size) = ("Brand#12", "SM CASE", _random.Next(1, 6)); break;
                case 3: (brand, container, size) = ("Brand#34", "LG BOX", _random.Next(1, 16)); break;
                case 4: (type, size) = ($"{Pick(TypeSize)} {Pick(TypeFinish)} BRASS", 15); break;
                case 5: name = "forest " + name; break;
            }
            return Row(p, name, $"Manufacturer#{brand[6]}", brand, type, size, container, retailPrice[p], Comment(3));
        }));
        var supplierOf = new int[parts + 1, 4];
        Write("partsupp", Enumerable.Range(1, parts).SelectMany(p => Enumerable.Range(0, 4).Select(i =>
        {
            int s = (p + i * (suppliers / 4)) % suppliers + 1;
            supplierOf[p, i] = s;
            return Row(p, s, _random.Next(1, 10000), Money(1m, 1000m), Comment(8));
        })));
        Write("customer", Enumerable.Range(1, customers).Select(c =>
        {
            int nation = _random.Next(Nations.Length);
            return Row(c, $"Customer#{c:D9}", Address(), nation, Phone(nation), Money(-999.99m, 9999.99m), Pick(Segments), Comment(8));
        }));
        var orderRows = new List<string>();
        var lineRows = new List<string>();
        for (int o = 1; o <= orders; o++)
        {
            long orderKey = o / 8 * 32 + o % 8;
            // As in dbgen, a third of the customers place no orders (q13 counts them, q22 looks for them).
            int customer;
            do customer = _random.Next(1, customers + 1); while (customer % 3 == 0);
            var orderDate = StartDate.AddDays(_random.Next(0, 2406 - 151));
            // Every 40th order is a large one (seven lines of 44 to 50 items: more than q18's 300 in all).
            bool large = o % 40 == 0;
            int lines = large ? 7 : _random.Next(1, 8);
            decimal total = 0;
            int shipped = 0;
            for (int l = 1; l <= lines; l++)
            {
                int part = _random.Next(1, parts + 1);
                int supplier = supplierOf[part, _random.Next(4)];
                int quantity = large ? _random.Next(44, 51) : _random.Next(1, 51);
                decimal price = quantity * retailPrice[part];
                decimal discount = _random.Next(0, 11) / 100m, tax = _random.Next(0, 9) / 100m;
                var shipDate = orderDate.AddDays(_random.Next(1, 122));
                var commitDate = orderDate.AddDays(_random.Next(30, 91));
                var receiptDate = shipDate.AddDays(_random.Next(1, 31));
                string returnFlag = receiptDate <= CurrentDate ? (_random.Next(2) == 0 ? "R" : "A") : "N";
                string lineStatus = shipDate > CurrentDate ? "O" : "F";
                if (lineStatus == "F") shipped++;
                total += decimal.Round(price * (1 + tax) * (1 - discount), 2);
                lineRows.Add(Row(orderKey, part, supplier, l, quantity, price, discount, tax, returnFlag, lineStatus,
                    shipDate, commitDate, receiptDate, Pick(Instructions), Pick(Modes), Comment(4)));
            }
            string status = shipped == lines ? "F" : shipped == 0 ? "O" : "P";
            orderRows.Add(Row(orderKey, customer, status, total, orderDate, Pick(Priorities), $"Clerk#{_random.Next(1, 1000):D9}", 0, Comment(6)));
        }
        Write("orders", orderRows);
        Write("lineitem", lineRows);
    }

    public string Directory { get; }

    /// <summary>Writes the data set into <paramref name="directory"/> (one file per table, named after it).</summary>
    public static TpchData Write(string directory, int scale = 1, int seed = 19920101) => new(directory, scale, seed);

    public string CsvPath(string table) => Path.Combine(Directory, table + ".tbl");

    /// <summary>The engine's DDL for every table: a bounded filesystem csv source.</summary>
    public IEnumerable<string> EngineDdl() => Tables.Select(t =>
        $"CREATE TABLE {t.Name} ({t.Columns}) WITH ('connector' = 'filesystem', 'path' = '{CsvPath(t.Name)}', 'format' = 'csv', "
        + "'csv.field-delimiter' = '|')");

    /// <summary>DuckDB statements loading every table with the same columns (CHAR read as VARCHAR: DuckDB does not pad).</summary>
    public IEnumerable<string> DuckDbDdl() => Tables.Select(t =>
        $"CREATE OR REPLACE TABLE {t.Name} ({DuckDbColumns(t.Columns)}); "
        + $"COPY {t.Name} FROM '{CsvPath(t.Name)}' (DELIMITER '|', HEADER false, QUOTE '\"')");

    private static string DuckDbColumns(string columns) =>
        System.Text.RegularExpressions.Regex.Replace(columns, @"\bCHAR\(\d+\)", "VARCHAR");

    private void Write(string table, IEnumerable<string> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows) text.Append(row).Append('\n');
        File.WriteAllText(CsvPath(table), text.ToString());
    }

    private static string Row(params object[] values) => string.Join('|', values.Select(v => v switch
    {
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.00", CultureInfo.InvariantCulture),
        _ => Convert.ToString(v, CultureInfo.InvariantCulture),
    }));

    private string Pick(string[] values) => values[_random.Next(values.Length)];

    private string Comment(int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => Pick(Words)));

    private string Address() => new(Enumerable.Range(0, _random.Next(10, 30)).Select(_ => (char)('a' + _random.Next(26))).ToArray());

    private string Phone(int nation) =>
        FormattableString.Invariant($"{nation + 10}-{_random.Next(100, 1000)}-{_random.Next(100, 1000)}-{_random.Next(1000, 10000)}");

    private decimal Money(decimal min, decimal max) => _random.Next((int)(min * 100), (int)(max * 100) + 1) / 100m;
}
