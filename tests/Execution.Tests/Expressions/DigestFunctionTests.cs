using static StreamSql.Execution.Tests.Expressions.ExpressionTestKit;

namespace StreamSql.Execution.Tests.Expressions;

/// <summary>MD5 and the SHA family as Flink's hash functions: lower-case hex of the UTF-8 bytes' digest, NULL for NULL.
/// Expected digests are the FIPS 180 test vectors ("abc", the empty string) and coreutils' for longer input.</summary>
public sealed class DigestFunctionTests
{
    private const string Sha224Abc = "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7";
    private const string Sha256Abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private const string Sha384Abc = "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7";
    private const string Sha512Abc = "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f";

    [Fact]
    public void Each_function_gives_the_standard_digest_of_abc_and_null_for_null()
    {
        var k = new ExpressionTestKit();
        var s = k.Strings("abc", null);
        Assert.Equal(new[] { "900150983cd24fb0d6963f7d28e17f72", null }, k.Eval(Fn("MD5", s)));
        Assert.Equal(new[] { "a9993e364706816aba3e25717850c26c9cd0d89d", null }, k.Eval(Fn("SHA1", s)));
        Assert.Equal(new[] { Sha224Abc, null }, k.Eval(Fn("SHA224", s)));
        Assert.Equal(new[] { Sha256Abc, null }, k.Eval(Fn("SHA256", s)));
        Assert.Equal(new[] { Sha384Abc, null }, k.Eval(Fn("SHA384", s)));
        Assert.Equal(new[] { Sha512Abc, null }, k.Eval(Fn("SHA512", s)));
    }

    [Fact]
    public void Sha224_pads_across_block_boundaries()
    {
        var k = new ExpressionTestKit();
        // 0, 55, 56, 64 and 1000 bytes: one padding block, two padding blocks, whole blocks then padding.
        var s = k.Strings("", new string('a', 55), new string('a', 56), new string('a', 64), new string('a', 1000));
        Assert.Equal(new[]
        {
            "d14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f",
            "fb0bd626a70c28541dfa781bb5cc4d7d7f56622a58f01a0b1ddd646f",
            "d40854fc9caf172067136f2e29e1380b14626bf6f0dd06779f820dcd",
            "a88cd5cde6d6fe9136a4e58b49167461ea95d388ca2bdb7afdc3cbf4",
            "4e8f0ce90b64661a2b5e84be6d93a7d9b76871062f1814433d04a03d",
        }, k.Eval(Fn("SHA224", s)));
    }

    [Fact]
    public void Sha2_picks_the_algorithm_by_bit_length_per_row()
    {
        var k = new ExpressionTestKit();
        var s = k.Strings("abc", "abc", "abc", "abc", "abc", null);
        var bits = k.Ints(224, 256, 384, 512, null, 256);
        Assert.Equal(new[] { Sha224Abc, Sha256Abc, Sha384Abc, Sha512Abc, null, null }, k.Eval(Fn("SHA2", s, bits)));
        var one = new ExpressionTestKit();
        Assert.Equal(Sha384Abc, one.EvalOne(Fn("SHA2", one.Strings("abc"), Lit(384))));
    }

    [Fact]
    public void Sha2_with_another_bit_length_fails()
    {
        var k = new ExpressionTestKit();
        var error = Assert.ThrowsAny<Exception>(() => k.Eval(Fn("SHA2", k.Strings("abc"), Lit(100))));
        Assert.Contains("SHA2 takes a bit length of 224, 256, 384 or 512, not 100", error.Message);
    }
}
