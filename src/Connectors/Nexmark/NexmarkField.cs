namespace StreamSql.Connectors.Nexmark;

/// <summary>The fields of the three Nexmark entities, with the column names Flink's Nexmark uses.</summary>
internal static class NexmarkField
{
    public static readonly string[] Person = { "id", "name", "emailAddress", "creditCard", "city", "state", "dateTime", "extra" };
    public static readonly string[] Auction = { "id", "itemName", "description", "initialBid", "reserve", "dateTime", "expires", "seller", "category", "extra" };
    public static readonly string[] Bid = { "auction", "bidder", "price", "channel", "url", "dateTime", "extra" };

    public const int PersonId = 0, PersonName = 1, PersonEmail = 2, PersonCreditCard = 3, PersonCity = 4, PersonState = 5, PersonDateTime = 6, PersonExtra = 7;
    public const int AuctionId = 0, AuctionItemName = 1, AuctionDescription = 2, AuctionInitialBid = 3, AuctionReserve = 4, AuctionDateTime = 5,
        AuctionExpires = 6, AuctionSeller = 7, AuctionCategory = 8, AuctionExtra = 9;
    public const int BidAuction = 0, BidBidder = 1, BidPrice = 2, BidChannel = 3, BidUrl = 4, BidDateTime = 5, BidExtra = 6;

    public static string[] For(string entity) => entity switch
    {
        "person" => Person,
        "auction" => Auction,
        _ => Bid,
    };

    /// <summary>Index of <paramref name="name"/> in <paramref name="fields"/>: exact first, else case-insensitive; -1 when absent.</summary>
    public static int IndexOf(string[] fields, string name)
    {
        int i = Array.IndexOf(fields, name);
        if (i >= 0) return i;
        for (int j = 0; j < fields.Length; j++)
            if (string.Equals(fields[j], name, StringComparison.OrdinalIgnoreCase)) return j;
        return -1;
    }
}
