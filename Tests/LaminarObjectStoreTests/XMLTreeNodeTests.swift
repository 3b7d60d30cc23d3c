import LaminarObjectStore
import Testing

@Suite struct XMLTreeNodeTests {
    @Test func parsesAnS3Listing() throws {
        let document = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- a comment -->
            <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
              <Name>bucket</Name>
              <Contents><Key> a &amp; b &lt;c&gt; &#x263A;&#65; </Key><Size>5</Size></Contents>
              <Contents><Key><![CDATA[x&amp;<y>]]></Key><Size>6</Size></Contents>
              <Empty/><IsTruncated attr="a>b" other='c'>false</IsTruncated>
              <s3:Prefixed xmlns:s3="urn:x">p</s3:Prefixed>
            </ListBucketResult>
            """
        let root = try XMLTreeNode.parse(Array(document.utf8))
        #expect(root.name == "ListBucketResult")
        #expect(root.childText("Name") == "bucket")
        #expect(root.children("Contents").map { $0.childText("Key") } == [" a & b <c> ☺A ", "x&amp;<y>"])
        #expect(root.child("Empty")?.text == "")
        #expect(root.childText("IsTruncated") == "false")
        #expect(root.childText("Prefixed") == "p")
    }

    @Test(arguments: [
        "", "   ", "<a>", "<a></b>", "<a>&bogus;</a>", "<a>&#0;</a>", "<a>&#xD800;</a>", "<a>&amp</a>",
        "<a></a><b></b>", "text<a/>", "<a/>tail", "<!DOCTYPE a [<!ENTITY x 'y'>]><a>&x;</a>", "<a><!-- open",
        "<a><![CDATA[open</a>", "<a b=\"unterminated></a>", "<>", "</a>",
    ])
    func rejectsMalformedDocuments(_ text: String) {
        #expect(throws: XMLTreeNode.ParseError.self) { try XMLTreeNode.parse(Array(text.utf8)) }
    }

    @Test func rejectsInvalidUTF8AndDeepNesting() {
        #expect(throws: XMLTreeNode.ParseError.self) { try XMLTreeNode.parse(Array("<a>".utf8) + [0xFF] + Array("</a>".utf8)) }
        let deep = String(repeating: "<a>", count: 100) + String(repeating: "</a>", count: 100)
        #expect(throws: XMLTreeNode.ParseError.self) { try XMLTreeNode.parse(Array(deep.utf8)) }
    }

    @Test func escapingRoundTrips() throws {
        let text = "a&b<c>\"d'e\r\nf"
        let root = try XMLTreeNode.parse(Array("<k>\(XMLTreeNode.escape(text))</k>".utf8))
        #expect(root.text == text)
    }

    @Test func timestamps() throws {
        let iso = try #require(UTCTimestamp.parseISO8601("2009-10-12T17:50:30.123Z"))
        #expect(iso == UTCTimestamp(year: 2009, month: 10, day: 12, hour: 17, minute: 50, second: 30,
                                    nanosecond: 123_000_000))
        #expect(iso.date.timeIntervalSince1970 == 1_255_369_830.123)
        #expect(UTCTimestamp.parseISO8601("2009-10-12T17:50:30Z")?.date.timeIntervalSince1970 == 1_255_369_830)
        #expect(UTCTimestamp.parseISO8601("2009-10-12T17:50:30+00:00") != nil)
        let http = try #require(UTCTimestamp.parseHTTPDate("Mon, 12 Oct 2009 17:50:30 GMT"))
        #expect(http.date.timeIntervalSince1970 == 1_255_369_830)
        for bad in ["", "2009-13-12T17:50:30Z", "2009-10-12 17:50:30Z", "2009-10-12T17:50:30", "Mon, 12 Foo 2009 17:50:30 GMT",
                    "12 Oct 2009 17:50:30 GMT", "2009-10-12T17:50:30.Z"] {
            #expect(UTCTimestamp.parseISO8601(bad) == nil && UTCTimestamp.parseHTTPDate(bad) == nil, "\(bad)")
        }
        let leapDay = UTCTimestamp(year: 2024, month: 2, day: 29, hour: 23, minute: 59, second: 59)
        #expect(UTCTimestamp(leapDay.date) == leapDay)
        #expect(leapDay.compactDateTime == "20240229T235959Z")
        #expect(UTCTimestamp(year: 1969, month: 12, day: 31).date.timeIntervalSince1970 == -86_400)
    }
}
