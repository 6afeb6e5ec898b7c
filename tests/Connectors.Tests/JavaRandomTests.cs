using StreamSql.Connectors.Nexmark;

namespace StreamSql.Connectors.Tests;

public sealed class JavaRandomTests
{
    /// <summary>java.util.Random(42): its first nextInt() values, as Java prints them.</summary>
    [Fact]
    public void Next_int_follows_java_util_random()
    {
        var random = new JavaRandom(42);
        Assert.Equal(new[] { -1170105035, 234785527, -1360544799, 205897768 },
            new[] { random.NextInt(), random.NextInt(), random.NextInt(), random.NextInt() });
    }
}
