// PHT amounts as the screens read and show them: exact digits of base units, any size.
#include "ui/PhtAmount.h"

#include <QTest>

using namespace ls::ui;

class TestPhtAmount : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void parsesWhatUsersType_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("baseUnits");
        QTest::newRow("whole") << QStringLiteral("10000")
                               << QStringLiteral("10000000000000000000000");
        QTest::newRow("decimal") << QStringLiteral("12.5")
                                 << QStringLiteral("12500000000000000000");
        QTest::newRow("leading point")
            << QStringLiteral(".5") << QStringLiteral("500000000000000000");
        QTest::newRow("one base unit")
            << QStringLiteral("0.000000000000000001") << QStringLiteral("1");
        QTest::newRow("grouped, unit, spaces")
            << QStringLiteral(" 1,000.25 PHT ") << QStringLiteral("1000250000000000000000");
        // Beyond 64 bits: balances are uint256 on chain.
        QTest::newRow("large") << QStringLiteral("123456789012345678901234567890")
                               << QStringLiteral(
                                      "123456789012345678901234567890000000000000000000");
    }

    void parsesWhatUsersType()
    {
        QFETCH(QString, typed);
        QFETCH(QString, baseUnits);
        QString error;
        const auto parsed = pht::parse(typed, &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(QString::fromStdString(*parsed), baseUnits);
    }

    void refusesWithAReason_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("error");
        QTest::newRow("empty") << QString() << QStringLiteral("Enter an amount in PHT, like 12.5.");
        QTest::newRow("words") << QStringLiteral("ten")
                               << QStringLiteral("Enter an amount in PHT, like 12.5.");
        QTest::newRow("negative") << QStringLiteral("-1")
                                  << QStringLiteral("Enter an amount in PHT, like 12.5.");
        QTest::newRow("two points")
            << QStringLiteral("1.2.3") << QStringLiteral("Enter an amount in PHT, like 12.5.");
        QTest::newRow("exponent") << QStringLiteral("1e18")
                                  << QStringLiteral("Enter an amount in PHT, like 12.5.");
        QTest::newRow("19 decimals") << QStringLiteral("0.0000000000000000001")
                                     << QStringLiteral("PHT has at most 18 decimal places.");
        QTest::newRow("zero") << QStringLiteral("0.000")
                              << QStringLiteral("Enter an amount above zero.");
    }

    void refusesWithAReason()
    {
        QFETCH(QString, typed);
        QFETCH(QString, error);
        QString reason;
        QVERIFY(!pht::parse(typed, &reason));
        QCOMPARE(reason, error);
    }

    void formatsExactlyWithGrouping()
    {
        QCOMPARE(pht::formatWithUnit("10000000000000000000000"), QStringLiteral("10,000 PHT"));
        QCOMPARE(pht::format("9987499979000000000000"), QStringLiteral("9,987.499979"));
        QCOMPARE(pht::format("21000000000000"), QStringLiteral("0.000021"));
        QCOMPARE(pht::format("1"), QStringLiteral("0.000000000000000001"));
        QCOMPARE(pht::format("0"), QStringLiteral("0"));
        QCOMPARE(pht::format("1000000000000000000000000"), QStringLiteral("1,000,000"));
    }

    void arithmeticOnDigits()
    {
        QCOMPARE(pht::add("999", "1"), std::string("1000"));
        QCOMPARE(pht::add("0", "0"), std::string("0"));
        QCOMPARE(pht::subtract("1000", "1"), std::optional<std::string>("999"));
        QCOMPARE(pht::subtract("5", "5"), std::optional<std::string>("0"));
        QVERIFY(!pht::subtract("5", "6"));
        QVERIFY(!pht::subtract("99", "100"));
        QCOMPARE(pht::multiply("1000000000", 21'000), std::string("21000000000000"));
        QCOMPARE(pht::multiply("123", 0), std::string("0"));
        // 2^64 * 2^64, far past any built-in integer.
        QCOMPARE(pht::multiply("18446744073709551616", 18446744073709551615ULL),
            std::string("340282366920938463444927863358058659840"));
        QCOMPARE(pht::compare("0010", "10"), 0);
        QCOMPARE(pht::compare("9", "10"), -1);
        QCOMPARE(pht::compare("11", "10"), 1);
    }
};

QTEST_MAIN(TestPhtAmount)
#include "tst_pht_amount.moc"
