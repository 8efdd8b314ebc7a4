// An unmodified Ethereum client library — ethers.js from npm, pinned in tests/ethers — against a
// `lightstreams-node --dev` process: network, balances, blocks, EIP-1559 and legacy transfers,
// and the Catalog through its published ABI JSON (docs/abi/Catalog.json).
#include "NodeProcess.h"

#include <QDir>
#include <QStandardPaths>

class TestEthersCompat : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void ethersWorksUnchanged()
    {
        const QString ethersDir = QStringLiteral(LS_ETHERS_DIR);
        const QString nodeJs = QStandardPaths::findExecutable(QStringLiteral("node"));
        QVERIFY2(!nodeJs.isEmpty(), "Node.js is missing: scripts/setup-debian.sh installs it");
        QVERIFY2(QDir(ethersDir + QStringLiteral("/node_modules/ethers")).exists(),
                 "ethers is not installed: scripts/dev.sh test runs `npm ci` in tests/ethers");

        NodeProcess node;
        QVERIFY(node.start({QStringLiteral("--dev"), QStringLiteral("--rpc"), QStringLiteral("127.0.0.1:0"),
                            QStringLiteral("--heartbeat-ms"), QStringLiteral("200")}));

        QProcess script;
        script.setProcessChannelMode(QProcess::MergedChannels);
        script.setWorkingDirectory(ethersDir);
        script.start(nodeJs, {ethersDir + QStringLiteral("/compat.js"),
                              QStringLiteral("http://127.0.0.1:%1").arg(node.port()),
                              QStringLiteral(LS_ABI_DIR) + QStringLiteral("/Catalog.json")});
        QVERIFY(script.waitForFinished(120000));
        const QByteArray output = script.readAll();
        qInfo("%s", output.constData());
        QVERIFY2(script.exitCode() == 0, output.constData());
        QVERIFY(output.contains(" 0 failed"));
    }
};

QTEST_GUILESS_MAIN(TestEthersCompat)
#include "tst_ethers_compat.moc"
