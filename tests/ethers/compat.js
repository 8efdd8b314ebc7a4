// ethers.js, unmodified, against a running lightstreams-node: what any Ethereum wallet or dapp
// does first. Usage: node compat.js http://127.0.0.1:PORT path/to/Catalog.json
"use strict";
const fs = require("fs");
const { JsonRpcProvider, Wallet, NonceManager, Contract, parseEther, formatEther, keccak256, toUtf8Bytes } = require("ethers");

const [url, abiPath] = process.argv.slice(2);
const DEV_PHRASE = "test test test test test test test test test test test junk";
const CATALOG = "0x00000000000000000000000000000000000ca7a1";
let passed = 0, failed = 0;

function check(name, condition, detail) {
  if (condition) { passed++; console.log(`PASS ${name}`); }
  else { failed++; console.log(`FAIL ${name} ${detail ?? ""}`); }
}

(async () => {
  const provider = new JsonRpcProvider(url, undefined, { polling: true, pollingInterval: 50 });
  const network = await provider.getNetwork();
  check("chain id", network.chainId === 16300n, network.chainId);

  // ethers' provider answers an identical request from a 250 ms cache. Blocks here are final in
  // milliseconds, so back-to-back sends would reuse a stale "pending" nonce and balance: the
  // NonceManager (ethers' own answer for fast chains) counts nonces locally, and balances after a
  // transaction are read uncached.
  const wallet = Wallet.fromPhrase(DEV_PHRASE).connect(provider);
  const dev = new NonceManager(wallet);
  dev.address = wallet.address;
  const freshBalance = async (address) => BigInt(await provider.send("eth_getBalance", [address, "latest"]));
  check("dev account address", dev.address === "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", dev.address);
  const balance = await provider.getBalance(dev.address);
  check("dev account funded", balance === parseEther("1000000"), formatEther(balance));

  const latest = await provider.getBlock("latest");
  check("latest block", latest && latest.hash && latest.number >= 0, JSON.stringify(latest));
  const genesis = await provider.getBlock(0);
  check("genesis block", genesis && genesis.number === 0 && genesis.parentHash === "0x" + "00".repeat(32));

  const recipient = Wallet.createRandom().address;
  const tx = await dev.sendTransaction({ to: recipient, value: parseEther("1.25") });
  const receipt = await tx.wait();
  check("EIP-1559 transfer final", receipt.status === 1);
  check("recipient balance", (await freshBalance(recipient)) === parseEther("1.25"));

  const legacy = await dev.sendTransaction({ to: recipient, value: parseEther("0.75"), type: 0 });
  check("legacy transfer final", (await legacy.wait()).status === 1);
  check("recipient balance after legacy", (await freshBalance(recipient)) === parseEther("2"));

  const fetched = await provider.getTransaction(tx.hash);
  check("transaction by hash", fetched.from === dev.address && fetched.blockNumber === receipt.blockNumber);

  // The Catalog through its published ABI JSON, with ethers' own Contract class.
  const abi = JSON.parse(fs.readFileSync(abiPath, "utf8"));
  const catalog = new Contract(CATALOG, abi, dev);
  const before = await catalog.titleCount();
  const published = await catalog.publish(keccak256(toUtf8Bytes("metadata")), keccak256(toUtf8Bytes("key")),
                                          parseEther("2"), "poetry", 0);
  const publishReceipt = await published.wait();
  check("publish through the ABI", publishReceipt.status === 1);
  const event = publishReceipt.logs.map((log) => catalog.interface.parseLog(log)).find((e) => e && e.name === "TitlePublished");
  check("TitlePublished event decoded", event && event.args.author === dev.address);
  check("titleCount advanced",
        (await catalog.titleCount({ blockTag: publishReceipt.blockNumber })) === before + 1n);
  const title = await catalog.title(event.args.titleId);
  check("title view", title.author === dev.address && title.price === parseEther("2") && title.subject === "poetry");

  try {
    await catalog.purchase.staticCall(event.args.titleId, keccak256(toUtf8Bytes("box")), { value: parseEther("2") });
    check("revert reason reaches ethers", false, "no revert");
  } catch (error) {
    check("revert reason reaches ethers", error.reason === "title has no version yet", error.shortMessage);
  }

  console.log(`ethers.js: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
})().catch((error) => {
  console.log(`FAIL unexpected error: ${error.shortMessage || error.message}`);
  console.log(`ethers.js: ${passed} passed, ${failed + 1} failed`);
  process.exit(1);
});
